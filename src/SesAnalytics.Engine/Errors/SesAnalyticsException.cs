namespace SesAnalytics.Engine.Errors;

/// <summary>
/// The one exception family the engine throws on purpose. <see cref="ErrorId"/> is PascalCase and stable (scripts match
/// on it); the message says what happened, to what, and what to do.
/// </summary>
public class SesAnalyticsException : Exception
{
    public SesAnalyticsException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    /// <summary>The object the error is about (a file, a line, a stack name); shown as the ErrorRecord's target.</summary>
    public object? Target { get; }
}
