namespace SesAnalytics;

/// <summary>What one Save-SesEventObject run did to the store.</summary>
public sealed record SaveSummary(int ObjectsCopied, int ObjectsSkipped, long BytesCopied, string Destination)
{
    public override string ToString() => $"{ObjectsCopied} copied, {ObjectsSkipped} up to date in {Destination}";
}
