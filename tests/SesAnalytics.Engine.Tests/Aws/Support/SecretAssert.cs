namespace SesAnalytics.Engine.Tests.Aws.Support;

internal static class SecretAssert
{
    /// <summary>No credential, signature or Authorization header anywhere in the exception, its inner exceptions or data.</summary>
    public static void NoSecrets(Exception exception)
    {
        string text = exception.ToString();
        Assert.DoesNotContain(TestClients.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SessionToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS4-HMAC-SHA256 Credential", text, StringComparison.Ordinal);
    }
}
