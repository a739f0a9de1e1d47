using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Tests.Aws.Support;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Fakes.Athena;

namespace SesAnalytics.Engine.Tests.Query.Delivery;

/// <summary>The Athena fake and the queries that ask it, for identities a listing of the bucket gives.</summary>
internal sealed class AthenaTestQueries : IDisposable
{
    public static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");

    private readonly AwsHttpClient _http;

    public AthenaTestQueries(IReadOnlyList<string> identities)
    {
        _http = new AwsHttpClient(TestClients.Options("athena", "Athena", new Uri(Fake.EndpointUrl), handler: null));
        Queries = new AthenaQueries(
            new AthenaQueryRunner(new AthenaClient(_http), NullOutputSink.Instance) { FirstPollDelay = TimeSpan.FromMilliseconds(5) },
            new BucketIdentities(new ListingS3([.. identities]), _ => Task.FromResult("events")),
            NullOutputSink.Instance);
    }

    public AthenaFake Fake { get; } = new();

    public AthenaQueries Queries { get; }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public void Dispose()
    {
        _http.Dispose();
        Fake.Dispose();
    }
}
