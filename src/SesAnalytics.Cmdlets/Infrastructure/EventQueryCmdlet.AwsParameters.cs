using System.Management.Automation;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The AWS parameters in the cloud sets only (-StackName, -WorkGroup/-Database/-Table): a local store needs none, so
/// the -Path set does not offer them. PowerShell reads an overriding property's own attributes only, hence the repeats.
/// </summary>
public abstract partial class EventQueryCmdlet
{
    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("RegionToCall")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsRegionCompleter))]
    public override string? Region { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsProfileCompleter))]
    public override string? ProfileName { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    [ValidateNotNullOrEmpty]
    public override string? ProfileLocation { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public override string? AccessKey { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("SK", "SecretAccessKey")]
    [ValidateNotNullOrEmpty]
    public override string? SecretKey { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [Alias("ST")]
    [ValidateNotNullOrEmpty]
    public override string? SessionToken { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [ValidateNotNull]
    public override object? Credential { get; set; }

    [Parameter(ParameterSetName = CloudSet)]
    [Parameter(ParameterSetName = StackSet)]
    [ValidateNotNullOrEmpty]
    public override string? EndpointUrl { get; set; }
}
