using SesAnalytics.Module.Tests.Support;
using SesAnalytics.Tests.Shared;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>Every example in the query commands' help runs without error against a real store.</summary>
public sealed class HelpExampleTests : IDisposable
{
    private readonly SampleStore _store = new();
    private readonly AthenaFake _athena = new();
    private readonly string _credentials = Path.Combine(Path.GetTempPath(), "ses-help-credentials-" + Guid.NewGuid().ToString("N"));

    public HelpExampleTests()
    {
        // The cloud examples run against a fake Athena: the AWS parameters they leave out come from these defaults, and
        // the profile they name lives in this credentials file.
        File.WriteAllText(_credentials, "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n[prod]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
        var day = new DateOnly(2024, 3, 8);
        _store.Add("mail.example.com", "Send", day, [SampleStore.Send("mail.example.com", "bounce@simulator.amazonses.com")]);
        _store.Add("mail.example.com", "Bounce", day, [SampleStore.Bounce("mail.example.com", "Permanent", "bounce@simulator.amazonses.com")]);
        _store.Add("example.com", "Send", day, [SampleStore.Send("example.com", "someone@example.net")]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _athena.Dispose();
        File.Delete(_credentials);
    }

    [Theory]
    [InlineData("Get-SesBounce")]
    [InlineData("Get-SesEvent")]
    [InlineData("Get-SesEventSummary")]
    [InlineData("Invoke-SesAthenaQuery")]
    public void ExamplesRun(string command)
    {
        string defaults =
            $"$PSDefaultParameterValues = @{{ '*-Ses*:EndpointUrl' = '{_athena.Endpoint}'; '*-Ses*:ProfileLocation' = '{_credentials}'; " +
            "'*-Ses*:ProfileName' = 'default'; '*-Ses*:Region' = 'us-east-1' }";
        HelpExamples.AssertEachRuns(
            command,
            defaults,
            example => example.Replace("./ses-store", "$store", StringComparison.Ordinal),
            new Dictionary<string, object?> { ["store"] = _store.Root });
    }
}
