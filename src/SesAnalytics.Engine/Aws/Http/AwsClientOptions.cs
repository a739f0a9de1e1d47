using Amazon.Runtime;

namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// Everything one service client needs to reach its endpoint. The colleague's region and endpoint resolution
/// (<c>Aws/Context</c>) fills it; tests set <see cref="Handler"/>, <see cref="BaseDelay"/> and <see cref="Jitter"/>.
/// </summary>
public sealed record AwsClientOptions
{
    public required Uri Endpoint { get; init; }

    public required string Region { get; init; }

    /// <summary>The SigV4 service name, e.g. <c>firehose</c>, <c>athena</c>, <c>s3</c>.</summary>
    public required string SigningService { get; init; }

    /// <summary>The name error messages show, e.g. <c>Firehose</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Asked once per attempt, so refreshed temporary credentials are picked up by a retry.</summary>
    public required Func<CancellationToken, ValueTask<ImmutableCredentials>> Credentials { get; init; }

    /// <summary>All attempts together, the first included (AWS's standard retry mode uses 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The <c>b</c> of AWS's standard backoff <c>min(b * r * 2^i, MaxBackoff)</c>, with <c>r</c> in [0, 1).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The random factor of full jitter; tests fix it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>How long one attempt (request and whole response) may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first): full jitter, exponential, capped.</summary>
    public TimeSpan Backoff(int retry)
    {
        double ticks = Math.Min(BaseDelay.Ticks * Jitter() * Math.Pow(2, retry), MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public static Func<CancellationToken, ValueTask<ImmutableCredentials>> FromCredentials(AWSCredentials credentials) =>
        async cancellationToken => await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
}
