namespace SesAnalytics;

/// <summary>The <c>failure</c> object of a Rendering Failure: the template could not be filled in.</summary>
public sealed record FailureInfo(string? TemplateName, string? ErrorMessage)
{
    public override string ToString() => $"{TemplateName}: {ErrorMessage}";
}
