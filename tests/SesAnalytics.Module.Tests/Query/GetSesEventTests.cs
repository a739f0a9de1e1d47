using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>The offline round trip a user types: sample events, partitioned into a store, read back typed.</summary>
public sealed class GetSesEventTests : IDisposable
{
    private const string Prelude = """
        $samples = New-SesSampleEvent -Count 400 -Seed 11 -StartDate 2024-03-01 -Days 3 -Identity example.com, alerts@example.net
        $null = $samples | Import-SesEvent -Destination $store

        """;

    private readonly string _store = Directory.CreateTempSubdirectory("sesanalytics-events").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public void EveryImportedEventComesBackTypedUnderItsIdentity()
    {
        ScriptResult result = Run(Prelude + """
            $read = Get-SesEvent -Path $store -From 2024-03-01 -To 2024-03-10
            "$($samples.Count) $($read.Count)"
            """);

        result.AssertSuccess();
        string[] counts = result.Output[0].BaseObject.ToString()!.Split(' ');
        Assert.Equal(counts[0], counts[1]);
    }

    [Fact]
    public void EventTypeIdentityAndRecipientFilter()
    {
        ScriptResult result = Run(Prelude + """
            $bounces = @(Get-SesEvent $store Bounce -From 2024-03-01 -To 2024-03-10 -Identity 'alerts@*')
            $expected = @($samples | Where-Object { $_.EventType -eq 'Bounce' -and $_.Identity -eq 'alerts@example.net' })
            "$($bounces.Count) $($expected.Count)"
            ($bounces | Where-Object { $_.EventType -ne 'Bounce' -or $_.Identity -ne 'alerts@example.net' }).Count
            $recipient = $expected[0].Recipients[0]
            @(Get-SesEvent $store Bounce -From 2024-03-01 -To 2024-03-10 -Recipient $recipient.ToUpperInvariant()) | ForEach-Object { $_.Recipients -contains $recipient }
            """);

        result.AssertSuccess();
        string[] counts = result.Output[0].BaseObject.ToString()!.Split(' ');
        Assert.Equal(counts[1], counts[0]);
        Assert.NotEqual("0", counts[0]);
        Assert.Equal(0, result.Output[1].BaseObject);
        Assert.All(result.Output.Skip(2), o => Assert.True((bool)o.BaseObject));
    }

    [Fact]
    public void MessageIdsPipeInFromGetSesBounce()
    {
        ScriptResult result = Run(Prelude + """
            $first = @(Get-SesBounce -Path $store -From 2024-03-01 -To 2024-03-10 | Where-Object Identity -eq 'example.com')[0]
            $story = @($first | Get-SesEvent -Path $store -From 2024-03-01 -To 2024-03-10)
            $story | ForEach-Object { $_.MessageId -eq $first.MessageId }
            ($story | ForEach-Object { $_.EventType.ToString() }) -join ','
            """);

        result.AssertSuccess();
        Assert.Contains(result.Output.Take(result.Output.Count - 1), o => o.BaseObject is true);
        Assert.All(result.Output.Take(result.Output.Count - 1), o => Assert.True((bool)o.BaseObject));
        string types = (string)result.Output[^1].BaseObject;
        Assert.Contains("Send", types, StringComparison.Ordinal);
        Assert.Contains("Bounce", types, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedObjectsCarryTheirOwnDetail()
    {
        ScriptResult result = Run(Prelude + "Get-SesEvent $store Delivery, Click -From 2024-03-01 -To 2024-03-10");

        result.AssertSuccess();
        Assert.NotEmpty(result.Output);
        foreach (PSObject evt in result.Output)
        {
            string type = evt.BaseObject.GetType().Name;
            Assert.Contains(type, new[] { "DeliveryEvent", "ClickEvent" });
            Assert.NotNull(evt.Properties[type == "DeliveryEvent" ? "Delivery" : "Click"].Value);
            Assert.False(string.IsNullOrEmpty((string)evt.Properties["Json"].Value));
        }
    }

    [Fact]
    public void MissingStoreIsObjectNotFound()
    {
        ScriptResult result = ModuleSession.Run($"Get-SesEvent -Path '{Path.Combine(_store, "nowhere")}'");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("StoreNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    private ScriptResult Run(string script) => ModuleSession.Run(script, new Dictionary<string, object?> { ["store"] = _store });
}
