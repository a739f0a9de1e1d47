namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// Turns the identity patterns a user gave into the exact sender identities to read. Athena requires them: the table's
/// <c>sender_identity</c> partition is injected, so every query must name its values.
/// </summary>
public interface IIdentitySource
{
    Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<string> patterns, CancellationToken cancellationToken);
}
