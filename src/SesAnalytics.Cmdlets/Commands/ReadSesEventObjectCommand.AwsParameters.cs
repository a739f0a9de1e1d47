using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// The AWS parameters in the -BucketName/-Key set only: local files need none, so the -Path and -LiteralPath sets do
/// not offer them. PowerShell reads an overriding property's own attributes only, hence the repeats.
/// </summary>
public sealed partial class ReadSesEventObjectCommand
{
    [Parameter(ParameterSetName = S3Set)]
    [Alias("RegionToCall")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsRegionCompleter))]
    public override string? Region { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AwsProfileCompleter))]
    public override string? ProfileName { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    [ValidateNotNullOrEmpty]
    public override string? ProfileLocation { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public override string? AccessKey { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [Alias("SK", "SecretAccessKey")]
    [ValidateNotNullOrEmpty]
    public override string? SecretKey { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [Alias("ST")]
    [ValidateNotNullOrEmpty]
    public override string? SessionToken { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [ValidateNotNull]
    public override object? Credential { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    [ValidateNotNullOrEmpty]
    public override string? EndpointUrl { get; set; }
}
