using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Suppression;

/// <summary>Which SES failures are about one address (the next one may still work) and which stop every call.</summary>
public static class SuppressionErrors
{
    /// <summary>
    /// False for credentials SES refuses, permissions the caller lacks and a broken connection: every other address
    /// would fail the same way, so the command stops instead of failing each one.
    /// </summary>
    public static bool IsAboutTheAddress(SesAnalyticsException error) =>
        error.Kind is not (ErrorKind.AuthenticationError or ErrorKind.PermissionDenied or ErrorKind.ConnectionError);
}
