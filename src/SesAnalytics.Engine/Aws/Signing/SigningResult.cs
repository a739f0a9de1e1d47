namespace SesAnalytics.Engine.Aws.Signing;

/// <summary>
/// What a signature covered, for diagnostics and tests. Deliberately not a record: its text must never reach a log or
/// an error message through ToString.
/// </summary>
public sealed class SigningResult
{
    internal SigningResult(string canonicalRequest, string stringToSign, string signature)
    {
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        Signature = signature;
    }

    public string CanonicalRequest { get; }

    public string StringToSign { get; }

    public string Signature { get; }
}
