using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>The identities exactly as given: no wildcards, at least one (nothing lists the bucket's identities yet).</summary>
public sealed class ExplicitIdentities : IIdentitySource
{
    public static readonly ExplicitIdentities Instance = new();

    public Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        if (patterns.Count == 0)
        {
            throw new InvalidInputException(
                "CloudIdentityRequired",
                "An Athena query must name the sender identities it reads (the table's sender_identity partition is injected). " +
                $"Give -Identity with one or more exact identities, such as example.com; events without the tag are under '{FirehoseLayout.MissingIdentity}'.");
        }

        string? pattern = patterns.FirstOrDefault(Wildcard.ContainsWildcards);
        if (pattern is not null)
        {
            throw new InvalidInputException(
                "CloudIdentityWildcard",
                $"The identity '{pattern}' has wildcards, which a cloud query cannot expand yet: Athena needs exact identities. " +
                "Give each identity in full (-Identity example.com, mail.example.com), or query a local store with -Path.",
                pattern);
        }

        IReadOnlyList<string> identities = patterns.Select(p => new Wildcard(p).Literal).Distinct(StringComparer.Ordinal).ToList();
        return Task.FromResult(identities);
    }
}
