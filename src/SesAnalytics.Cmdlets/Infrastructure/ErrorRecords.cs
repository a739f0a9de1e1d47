using System.Management.Automation;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>Turns engine exceptions (and the few framework ones that reach a cmdlet) into ErrorRecords.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(SesAnalyticsException error, object? target = null) =>
        new(error, error.ErrorId, ToCategory(error.Kind), target ?? error.Target);

    /// <param name="target">What the error is about; by default, for an engine error, the target the engine named.</param>
    public static ErrorRecord From(Exception error, object? target = null) => error switch
    {
        SesAnalyticsException engine => From(engine, target),
        UnauthorizedAccessException => new ErrorRecord(error, "AccessDenied", ErrorCategory.PermissionDenied, target),
        FileNotFoundException or DirectoryNotFoundException => new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, target),
        IOException => new ErrorRecord(error, "IOError", ErrorCategory.WriteError, target),
        TimeoutException => new ErrorRecord(error, "Timeout", ErrorCategory.OperationTimeout, target),
        _ => new ErrorRecord(error, "UnexpectedError", ErrorCategory.NotSpecified, target),
    };

    public static ErrorCategory ToCategory(ErrorKind kind) =>
        Enum.TryParse(kind.ToString(), out ErrorCategory category) ? category : ErrorCategory.NotSpecified;
}
