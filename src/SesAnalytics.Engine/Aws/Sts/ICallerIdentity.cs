namespace SesAnalytics.Engine.Aws.Sts;

public interface ICallerIdentity
{
    /// <summary>STS GetCallerIdentity: needs no permission, so it proves the credentials work.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}
