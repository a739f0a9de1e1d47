using System.Management.Automation;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// What the suppression-list commands share: -RequestsPerSecond, and one SES client and pacer for the whole command,
/// so that piped addresses are paced together. A throttled call is retried up to <see cref="MaxAttempts"/> times in all.
/// </summary>
public abstract class SuppressionListCmdlet : AwsCmdlet
{
    private const int MaxAttempts = 5;

    private AwsHttpClient? _http;
    private SesV2Client? _ses;
    private RequestPacer? _pacer;

    /// <summary>How many SES calls a second the command makes at most.</summary>
    [Parameter]
    [ValidateRange(0.1, 100.0)]
    public double RequestsPerSecond { get; set; } = 1;

    protected ISesSuppressionClient Ses => _ses ??= new SesV2Client(_http ??= CreateHttp());

    protected RequestPacer Pacer => _pacer ??= new RequestPacer(RequestsPerSecond);

    protected sealed override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EndAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _http?.Dispose();
        }
    }

    protected virtual Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private AwsHttpClient CreateHttp()
    {
        EmitVerbose(Aws.DescribeEndpoint(AwsService.SesV2));
        return new AwsHttpClient(Aws.ClientOptions(AwsService.SesV2, MaxAttempts));
    }
}
