using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// The sender identities of the event bucket: exact identities are taken as given, patterns (or none) are matched
/// against the identity prefixes under <c>partitioned/</c>, one delimited listing, never a scan of the objects.
/// </summary>
public sealed class BucketIdentities(IS3Client s3, Func<CancellationToken, Task<string>> bucketName) : IIdentitySource
{
    public async Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        if (patterns.Count > 0 && !patterns.Any(Wildcard.ContainsWildcards))
        {
            return patterns.Select(p => new Wildcard(p).Literal).Distinct(StringComparer.Ordinal).ToList();
        }

        string bucket = await bucketName(cancellationToken).ConfigureAwait(false);
        return await ListAsync(s3, bucket, patterns.Select(p => new Wildcard(p)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The identities under <c>partitioned/</c> that match any pattern (all with none), sorted.</summary>
    public static async Task<List<string>> ListAsync(IS3Client s3, string bucket, IReadOnlyCollection<Wildcard> patterns, CancellationToken cancellationToken)
    {
        string root = FirehoseLayout.PartitionedRoot + "/";
        var identities = new List<string>();
        await foreach (string prefix in s3.ListCommonPrefixesAsync(bucket, root, cancellationToken).ConfigureAwait(false))
        {
            string identity = prefix[root.Length..].TrimEnd('/');
            if (identity.Length > 0 && Wildcard.AnyMatch(patterns, identity))
            {
                identities.Add(identity);
            }
        }

        identities.Sort(StringComparer.Ordinal);
        return identities;
    }
}
