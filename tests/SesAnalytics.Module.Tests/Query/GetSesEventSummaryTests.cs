using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Query;

public sealed class GetSesEventSummaryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly SampleStore _store = new();

    public GetSesEventSummaryTests()
    {
        // example.com: 100 sent recipients, 6 permanent bounces (6%: Warning), 1 transient, 98 deliveries.
        _store.Add("example.com", "Send", Day, Enumerable.Range(0, 100).Select(i => SampleStore.Send("example.com", $"r{i}@example.net")));
        _store.Add("example.com", "Bounce", Day, Enumerable.Range(0, 6).Select(i => SampleStore.Bounce("example.com", "Permanent", $"b{i}@example.net"))
            .Append(SampleStore.Bounce("example.com", "Transient", "t@example.net")));
        _store.Add("example.com", "Delivery", Day, Enumerable.Range(0, 98).Select(i => SampleStore.Delivery("example.com", $"r{i}@example.net")));
        // example.org: 1000 sent recipients, 1 complaint (0.1%: Warning) on the first day; 10 healthy sends the next.
        _store.Add("example.org", "Send", Day, Enumerable.Range(0, 1000).Select(i => SampleStore.Send("example.org", $"r{i}@example.net")));
        _store.Add("example.org", "Complaint", Day, [SampleStore.Complaint("example.org", "r1@example.net")]);
        _store.Add("example.org", "Send", Day.AddDays(1), Enumerable.Range(0, 10).Select(i => SampleStore.Send("example.org", $"s{i}@example.net")));
        // quiet.example: only a delivery, no sends.
        _store.Add("quiet.example", "Delivery", Day, [SampleStore.Delivery("quiet.example", "r@example.net")]);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void SummarisesEachIdentityAndDayWithRatesAndStatus()
    {
        ScriptResult result = Run("Get-SesEventSummary -Path $store -From 2024-03-08 -To 2024-03-09");

        result.AssertSuccess();
        Assert.Equal(
            ["2024-03-08 example.com", "2024-03-08 example.org", "2024-03-08 quiet.example", "2024-03-09 example.org"],
            result.Output.Select(o => $"{(DateTime)Value(o, "Day")!:yyyy-MM-dd} {Value(o, "Identity")}"));

        PSObject com = result.Output[0];
        Assert.Equal((100L, 98L, 7L, 6L, 1L), ((long)Value(com, "Sends")!, (long)Value(com, "Deliveries")!, (long)Value(com, "Bounces")!, (long)Value(com, "HardBounces")!, (long)Value(com, "SoftBounces")!));
        Assert.Equal(0.06, (double)Value(com, "BounceRate")!, 10);
        Assert.Equal("Warning", Value(com, "Status")!.ToString());

        PSObject org = result.Output[1];
        Assert.Equal(0.001, (double)Value(org, "ComplaintRate")!, 10);
        Assert.Equal("Warning", Value(org, "Status")!.ToString());

        PSObject quiet = result.Output[2];
        Assert.Null(Value(quiet, "BounceRate"));
        Assert.Equal("NoSends", Value(quiet, "Status")!.ToString());

        Assert.Equal("Healthy", Value(result.Output[3], "Status")!.ToString());
    }

    [Fact]
    public void TotalGivesOneRowPerIdentityOverTheRange()
    {
        ScriptResult result = Run("Get-SesEventSummary $store -From 2024-03-08 -To 2024-03-09 -Total -Identity 'example.*'");

        result.AssertSuccess();
        Assert.Equal(["example.com", "example.org"], result.Output.Select(o => (string)Value(o, "Identity")!));
        PSObject org = result.Output[1];
        Assert.Null(Value(org, "Day"));
        Assert.Equal(1010L, Value(org, "SentRecipients"));
        Assert.Equal(1.0 / 1010, (double)Value(org, "ComplaintRate")!, 10);
        Assert.Equal("Healthy", Value(org, "Status")!.ToString());
    }

    [Fact]
    public void WhereObjectFiltersOnStatus()
    {
        ScriptResult result = Run("Get-SesEventSummary $store -From 2024-03-08 -To 2024-03-09 | Where-Object Status -eq 'Warning' | ForEach-Object Identity");

        result.AssertSuccess();
        Assert.Equal(["example.com", "example.org"], result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void ReportsProgressAndEndsIt()
    {
        ScriptResult result = Run("Get-SesEventSummary $store -From 2024-03-08 -To 2024-03-09");

        result.AssertSuccess();
        Assert.NotEmpty(result.Progress);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    private ScriptResult Run(string script) => ModuleSession.Run(script, new Dictionary<string, object?> { ["store"] = _store.Root });

    private static object? Value(PSObject item, string name) => item.Properties[name].Value;
}
