using System.Management.Automation;
using System.Runtime.InteropServices;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Deployment;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The AWS parameters every cmdlet that calls AWS shares, resolved as AWS.Tools users expect: these parameters, then
/// the AWS.Tools session defaults, then the SDK's default chain. They are in every parameter set; a command that also
/// works offline overrides them to scope them to its cloud sets (see <c>EventQueryCmdlet.AwsParameters.cs</c>), since
/// an overriding property's own attributes are the only ones PowerShell reads.
/// </summary>
public abstract class AwsCmdlet : AsyncCmdlet
{
    /// <summary>The AWS region, such as us-east-1.</summary>
    [Parameter]
    [Alias("RegionToCall")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsRegionCompleter))]
    public virtual string? Region { get; set; }

    /// <summary>A profile in the shared AWS config and credentials files (or the .NET SDK store).</summary>
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsProfileCompleter))]
    public virtual string? ProfileName { get; set; }

    /// <summary>A credentials file other than ~/.aws/credentials.</summary>
    [Parameter]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    [ValidateNotNullOrEmpty]
    public virtual string? ProfileLocation { get; set; }

    [Parameter]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public virtual string? AccessKey { get; set; }

    [Parameter]
    [Alias("SK", "SecretAccessKey")]
    [ValidateNotNullOrEmpty]
    public virtual string? SecretKey { get; set; }

    [Parameter]
    [Alias("ST")]
    [ValidateNotNullOrEmpty]
    public virtual string? SessionToken { get; set; }

    /// <summary>An AWS credentials object (from Get-AWSCredential or the AWS SDK), or a PSCredential whose user name is
    /// the access key id and whose password is the secret key.</summary>
    [Parameter]
    [ValidateNotNull]
    public virtual object? Credential { get; set; }

    /// <summary>Call this endpoint instead of AWS's (LocalStack, a VPC endpoint, a test fake).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public virtual string? EndpointUrl { get; set; }

    private AwsContext? _aws;

    /// <summary>The region, credentials and endpoints this invocation uses; set before any async work that needs them starts.</summary>
    protected AwsContext Aws => _aws ?? throw new InvalidOperationException("The AWS context is resolved on the pipeline thread before the first AWS call.");

    /// <summary>False for a parameter set that works offline: its users then need no credentials, and <see cref="Aws"/> stays unset.</summary>
    protected virtual bool RequiresAws => true;

    /// <summary>Resolves the context on the pipeline thread (it reads session variables) and says where it came from.</summary>
    protected override void Prepare()
    {
        if (RequiresAws)
        {
            ResolveAws();
        }
    }

    /// <summary>Piped input chooses the parameter set only once a record is bound: a set that needs AWS resolves it then, once.</summary>
    protected override void PrepareRecord()
    {
        if (RequiresAws && _aws is null)
        {
            ResolveAws();
        }
    }

    private void ResolveAws()
    {
        _aws = new AwsContextResolver().Resolve(CreateAwsRequest());
        if (VerboseWanted)
        {
            WriteVerbose(_aws.DescribeSources());
        }
    }

    /// <summary>What the AWS parameters and the AWS.Tools session variables ask for; on the pipeline thread, which reads session state.</summary>
    protected AwsContextRequest CreateAwsRequest()
    {
        object? credential = Credential is PSObject wrapped ? wrapped.BaseObject : Credential;
        string? accessKey = AccessKey, secretKey = SecretKey;
        if (credential is PSCredential psCredential)
        {
            accessKey = psCredential.UserName;
            secretKey = Unprotect(psCredential);
            credential = null;
        }

        return new AwsContextRequest
        {
            Region = Region,
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation,
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = SessionToken,
            Credential = credential,
            EndpointUrl = EndpointUrl,
            StoredRegion = SessionState.PSVariable.GetValue("StoredAWSRegion") as string,
            StoredCredentials = Unwrap(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
        };
    }

    /// <summary>The options of a protocol client for <paramref name="service"/>; -Verbose says which endpoint it calls.</summary>
    protected AwsClientOptions ClientOptions(AwsService service)
    {
        EmitVerbose(Aws.DescribeEndpoint(service));
        return Aws.ClientOptions(service);
    }

    /// <summary>An S3 client on the resolved context; -Verbose says which endpoint it calls.</summary>
    protected S3Client CreateS3Client()
    {
        EmitVerbose(Aws.DescribeEndpoint(AwsService.S3));
        return new S3Client(Aws);
    }

    /// <summary>The named SesAnalytics stack with the outputs the other commands read; a missing one is StackNotFound.</summary>
    protected async Task<SesAnalyticsStack> GetStackAsync(string stackName, CancellationToken cancellationToken)
    {
        using var http = new AwsHttpClient(ClientOptions(AwsService.CloudFormation));
        return await new StackCatalog(new CloudFormationClient(http), Aws.Region).GetAsync(stackName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// -Verbose, or $VerbosePreference when it is not given. Describing the credentials resolves them, which for a role,
    /// SSO or an instance profile is a network call: it is only worth making when the line will be shown.
    /// </summary>
    protected bool VerboseWanted =>
        MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose)
            ? verbose is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.TryConvertTo(SessionState.PSVariable.GetValue("VerbosePreference"), out ActionPreference preference)
                && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string Unprotect(PSCredential credential)
    {
        IntPtr text = Marshal.SecureStringToGlobalAllocUnicode(credential.Password);
        try
        {
            return Marshal.PtrToStringUni(text) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(text);
        }
    }
}
