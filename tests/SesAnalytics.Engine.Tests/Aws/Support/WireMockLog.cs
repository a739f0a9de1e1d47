using System.Diagnostics;
using WireMock.Logging;
using WireMock.Server;

namespace SesAnalytics.Engine.Tests.Aws.Support;

internal static class WireMockLog
{
    /// <summary>WireMock logs a request after it has answered it, so the log may lag the client by a moment.</summary>
    public static async Task<List<ILogEntry>> WaitAsync(WireMockServer server, int count)
    {
        var waited = Stopwatch.StartNew();
        while (server.LogEntries.Count() < count && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        var entries = server.LogEntries.ToList();
        Assert.Equal(count, entries.Count);
        return entries;
    }
}
