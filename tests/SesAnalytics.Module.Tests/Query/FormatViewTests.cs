using System.Xml.Linq;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>The default table views of the query outputs (Format-Table is not in the test engine, so the view's own script runs).</summary>
public sealed class FormatViewTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly SampleStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("SesAnalytics.Engine.Query.BounceRecord", "Day,Identity,EmailAddress,BounceType,BounceSubType,Status,DiagnosticCode")]
    [InlineData("SesAnalytics.Engine.Query.EventSummary", "Day,Identity,Sends,Deliveries,Bounces,Complaints,BounceRate,ComplaintRate,Status")]
    public void EachOutputTypeHasATableView(string typeName, string columns)
    {
        XElement view = View(typeName);

        Assert.NotNull(view.Element("TableControl"));
        Assert.Equal(columns, string.Join(",", view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value)));
    }

    [Fact]
    public void RatesShowAsPercentagesWithTwoDecimalsAndDayShowsTheRangeForTotals()
    {
        _store.Add("example.com", "Send", Day, Enumerable.Range(0, 300).Select(i => SampleStore.Send("example.com", $"r{i}@example.net")));
        _store.Add("example.com", "Bounce", Day, Enumerable.Range(0, 7).Select(i => SampleStore.Bounce("example.com", "Permanent", $"b{i}@example.net")));
        string[] scripts = View("SesAnalytics.Engine.Query.EventSummary").Descendants("ScriptBlock").Select(s => s.Value).ToArray();
        var variables = new Dictionary<string, object?> { ["store"] = _store.Root, ["scripts"] = scripts };

        ScriptResult result = ModuleSession.Run(
            "Get-SesEventSummary $store -From 2024-03-08 -To 2024-03-09 -Total | ForEach-Object { foreach ($s in $scripts) { & ([scriptblock]::Create($s)) } }",
            variables);

        result.AssertSuccess();
        Assert.Equal(["2024-03-08..2024-03-09", "2.33%", "0.00%"], result.Output.Select(o => o.BaseObject.ToString()));
    }

    private static XElement View(string typeName) =>
        XDocument.Load(Path.Combine(RepoPaths.ModuleDirectory, "SesAnalytics.format.ps1xml"))
            .Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
}
