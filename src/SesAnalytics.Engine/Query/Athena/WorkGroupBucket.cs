using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Athena.Model;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// The event bucket behind a work group the stack deployed: its query results go to <c>s3://&lt;bucket&gt;/athena-results/</c>,
/// the same bucket the events are in.
/// </summary>
public static class WorkGroupBucket
{
    public static async Task<string> FindAsync(IAthenaClient athena, string workGroup, CancellationToken cancellationToken)
    {
        WorkGroup group = await athena.GetWorkGroupAsync(workGroup, cancellationToken).ConfigureAwait(false);
        string? location = group.Configuration?.ResultConfiguration?.OutputLocation;
        if (location is not null
            && location.StartsWith("s3://", StringComparison.Ordinal)
            && location.Length > "s3://".Length)
        {
            string rest = location["s3://".Length..];
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? rest : rest[..slash];
        }

        throw new InvalidInputException(
            "EventBucketUnknown",
            $"The work group '{workGroup}' has no S3 result location, so the event bucket whose identities to list is unknown. " +
            "Give -Identity with exact identities, or -BucketName with the bucket that holds partitioned/.",
            workGroup);
    }
}
