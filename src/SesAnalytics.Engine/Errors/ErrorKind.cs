namespace SesAnalytics.Engine.Errors;

/// <summary>
/// What kind of failure an engine error is. The names match PowerShell's ErrorCategory so that the cmdlet layer maps
/// them one to one without the engine knowing PowerShell.
/// </summary>
public enum ErrorKind
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    PermissionDenied,
    AuthenticationError,
    LimitsExceeded,
    ResourceUnavailable,
    ConnectionError,
    OperationTimeout,
    OperationStopped,
    ReadError,
    WriteError,
    ParserError,
    NotImplemented,
    ResourceExists,
    SecurityError,
}
