using System.Collections;
using System.Management.Automation;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>The tag sample of the store that -Path names, for the completers; null in the cloud sets or without a store.</summary>
internal static class StoreTagCompletion
{
    public static StoreTagSample? Sample(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Path"] is not string path || string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return StoreTagSample.Read(new EventStore(StoreIdentityCompleter.ResolvePath(path), NullOutputSink.Instance));
        }
        catch (Exception error) when (error is Engine.Errors.SesAnalyticsException or IOException or UnauthorizedAccessException or RuntimeException)
        {
            return null;
        }
    }
}
