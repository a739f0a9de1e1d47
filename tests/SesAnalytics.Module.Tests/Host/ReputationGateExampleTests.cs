using SesAnalytics.Module.Tests.Query;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Host;

/// <summary>examples/reputation-gate.ps1 as a CI job runs it: through the host, judged by exit code and annotations.</summary>
public sealed class ReputationGateExampleTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "examples", "reputation-gate.ps1");
    private readonly SampleStore _store = new();

    public ReputationGateExampleTests()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string[] recipients = Enumerable.Range(1, 10).Select(i => $"r{i}@example.net").ToArray();
        foreach (string identity in new[] { "bad.example", "good.example" })
        {
            _store.Add(identity, "Send", today, recipients.Select(r => SampleStore.Send(identity, r)));
        }

        // 3 of 10 recipients hard-bounced: 30%, past the 10% at which SES may pause sending.
        _store.Add("bad.example", "Bounce", today, recipients.Take(3).Select(r => SampleStore.Bounce("bad.example", "Permanent", r)));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void An_identity_at_risk_fails_the_GitHub_job_with_an_error_annotation()
    {
        HostProcess.Result result = HostProcess.Run(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, Script, "-Path", _store.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error title=SES reputation::bad.example is AtRisk: bounce rate 30.00%", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("good.example is", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("good.example", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Healthy_identities_pass_and_Azure_Pipelines_gets_no_issue()
    {
        HostProcess.Result result = HostProcess.Run(
            new Dictionary<string, string> { ["TF_BUILD"] = "True" }, Script, "-Path", _store.Root, "-Identity", "good*", "-FailOn", "Warning");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("##vso[task.logissue", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 identities judged over 7 days: none at Warning or worse.", result.StandardOutput, StringComparison.Ordinal);
    }
}
