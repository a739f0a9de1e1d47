namespace SesAnalytics.Engine.Errors;

/// <summary>Input the user gave (a parameter, a file, a line) that the engine cannot use.</summary>
public sealed class InvalidInputException : SesAnalyticsException
{
    public InvalidInputException(string errorId, string message, object? target = null, Exception? innerException = null)
        : base(errorId, ErrorKind.InvalidArgument, message, target, innerException)
    {
    }
}
