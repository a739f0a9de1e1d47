using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Signing;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Signing;

/// <summary>
/// Every case of AWS's two SigV4 test suites (botocore's classic aws4_testsuite and aws-c-auth's v4 suite), each its
/// own test: the canonical request, the string to sign and the signature must equal AWS's expected files. Nothing is
/// skipped: even the cases botocore skips (normalize-path/get-space and the duplicate-key query-order cases) pass.
/// </summary>
public sealed class SigV4SuiteTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string> BotocoreCases() => Cases("botocore-aws4_testsuite", dir => File.Exists(Path.Combine(dir, Path.GetFileName(dir) + ".req")));

    public static TheoryData<string> AwsCAuthCases() => Cases(Path.Combine("aws-c-auth-aws-signing-test-suite", "v4"), dir => File.Exists(Path.Combine(dir, "context.json")));

    [SkippableTheory]
    [MemberData(nameof(BotocoreCases))]
    public void Botocore_case_signs_as_expected(string name)
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        string dir = SharedReference.PathOf("sigv4-testsuite", "botocore-aws4_testsuite", name);
        string stem = Path.Combine(dir, Path.GetFileName(dir));
        string expectedCanonical = Read(stem + ".creq");
        string? token = expectedCanonical.Split('\n')
            .Where(l => l.StartsWith("x-amz-security-token:", StringComparison.Ordinal))
            .Select(l => l["x-amz-security-token:".Length..])
            .FirstOrDefault();
        var (request, body) = SuiteRequest.Parse(Read(stem + ".req"));

        SigningResult result = RequestSigner.Sign(
            request, body, new ImmutableCredentials(AccessKey, SecretKey, token), new SigningOptions { Service = "service", Region = "us-east-1" }, SuiteTime);

        Assert.Equal(expectedCanonical, result.CanonicalRequest);
        Assert.Equal(Read(stem + ".sts"), result.StringToSign);
        Assert.Equal(Read(stem + ".authz"), string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [SkippableTheory]
    [MemberData(nameof(AwsCAuthCases))]
    public void AwsCAuth_case_signs_headers_as_expected(string name)
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var testCase = AwsCAuthCase.Load(name);

        SigningResult result = RequestSigner.Sign(testCase.Request, testCase.Body, testCase.Credentials, testCase.Options, testCase.Time);

        Assert.Equal(testCase.Read("header-canonical-request.txt"), result.CanonicalRequest);
        Assert.Equal(testCase.Read("header-string-to-sign.txt"), result.StringToSign);
        Assert.Equal(testCase.Read("header-signature.txt"), result.Signature);
        string expectedAuthorization = testCase.Read("header-signed-request.txt").Split('\n')
            .Single(l => l.StartsWith("Authorization:", StringComparison.Ordinal))["Authorization:".Length..];
        Assert.Equal(expectedAuthorization, string.Join(",", testCase.Request.Headers.GetValues("Authorization")));
    }

    [SkippableTheory]
    [MemberData(nameof(AwsCAuthCases))]
    public void AwsCAuth_case_presigns_as_expected(string name)
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var testCase = AwsCAuthCase.Load(name);

        SigningResult result = RequestSigner.Presign(testCase.Request, testCase.Body, testCase.Credentials, testCase.Options, testCase.Time, testCase.Expires);

        Assert.Equal(testCase.Read("query-canonical-request.txt"), result.CanonicalRequest);
        Assert.Equal(testCase.Read("query-string-to-sign.txt"), result.StringToSign);
        Assert.Equal(testCase.Read("query-signature.txt"), result.Signature);
        Assert.Contains("X-Amz-Signature=" + result.Signature, testCase.Request.RequestUri!.Query, StringComparison.Ordinal);
    }

    private static TheoryData<string> Cases(string suite, Func<string, bool> isCase)
    {
        var data = new TheoryData<string>();
        if (!SharedReference.IsPresent)
        {
            data.Add("(suite absent)");
            return data;
        }

        string root = SharedReference.PathOf("sigv4-testsuite", suite);
        foreach (string dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Where(isCase).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, dir).Replace('\\', '/'));
        }

        return data;
    }

    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    private sealed record AwsCAuthCase(
        string Dir, HttpRequestMessage Request, byte[] Body, ImmutableCredentials Credentials, SigningOptions Options, DateTimeOffset Time, TimeSpan Expires)
    {
        public static AwsCAuthCase Load(string name)
        {
            string dir = SharedReference.PathOf("sigv4-testsuite", "aws-c-auth-aws-signing-test-suite", "v4", name);
            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
            JsonElement root = context.RootElement;
            JsonElement credentials = root.GetProperty("credentials");
            string? token = credentials.TryGetProperty("token", out JsonElement t) ? t.GetString() : null;
            bool omitToken = root.TryGetProperty("omit_session_token", out JsonElement omit) && omit.GetBoolean();
            var options = new SigningOptions
            {
                Service = root.GetProperty("service").GetString()!,
                Region = root.GetProperty("region").GetString()!,
                NormalizePath = root.GetProperty("normalize").GetBoolean(),
                AddContentSha256Header = root.GetProperty("sign_body").GetBoolean(),
                SignSessionToken = !omitToken,
            };
            var (request, body) = SuiteRequest.Parse(File.ReadAllText(Path.Combine(dir, "request.txt")));
            return new AwsCAuthCase(
                dir,
                request,
                body,
                new ImmutableCredentials(credentials.GetProperty("access_key_id").GetString(), credentials.GetProperty("secret_access_key").GetString(), token),
                options,
                DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                TimeSpan.FromSeconds(root.GetProperty("expiration_in_seconds").GetInt32()));
        }

        public string Read(string file) => SigV4SuiteTests.Read(Path.Combine(Dir, file));
    }
}
