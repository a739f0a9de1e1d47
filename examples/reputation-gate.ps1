# A CI gate on SES reputation over Test-SesReputation: fails the job when a sending identity's bounce or complaint
# rate reaches the level at which SES reviews (Warning) or may pause (AtRisk) the account. Made for scheduled jobs and
# release pipelines.
#   in the cloud (Athena):  pwsh ./examples/reputation-gate.ps1 -StackName ses-analytics [-Identity example.com] [-Days 7]
#   on a copy of the bucket: pwsh ./examples/reputation-gate.ps1 -Path ./ses-store [-FailOn AtRisk]
#   with only the .NET SDK:  dotnet tool restore && dotnet pwsh ./examples/reputation-gate.ps1 -Path ./ses-store
#
# Test-SesReputation writes one error annotation per failing identity on GitHub Actions (::error) and Azure Pipelines
# (##vso[task.logissue]); the script exits 1 when there is any, 0 otherwise. Identities with fewer sent recipients
# than -MinimumBounceVolume / -MinimumComplaintVolume are LowVolume and do not fail. AWS credentials and region come
# from the environment, as the module's commands take them (OIDC role, profile, AWS_REGION).
[CmdletBinding(DefaultParameterSetName = 'Stack')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Stack')] [string] $StackName,
    [Parameter(Mandatory, ParameterSetName = 'Path')] [string] $Path,
    [string[]] $Identity,
    [ValidateRange(1, 3650)] [int] $Days = 7,
    [ValidateSet('Warning', 'AtRisk')] [string] $FailOn = 'Warning',
    [long] $MinimumBounceVolume = 200,
    [long] $MinimumComplaintVolume = 1000,
    [string] $Region
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module SesAnalytics)) {
    if (Get-Module -ListAvailable SesAnalytics) { Import-Module SesAnalytics } else { Import-Module (Join-Path $PSScriptRoot '../out/SesAnalytics') }
}

$gate = @{ From = [datetime]::UtcNow.Date.AddDays(1 - $Days); FailOn = $FailOn; MinimumBounceVolume = $MinimumBounceVolume; MinimumComplaintVolume = $MinimumComplaintVolume }
if ($Identity) { $gate.Identity = $Identity }
if ($StackName) { $gate.StackName = $StackName; if ($Region) { $gate.Region = $Region } } else { $gate.Path = $Path }

if (-not (Test-SesReputation @gate)) { exit 1 }
"No identity at $FailOn or worse over the last $Days days."
exit 0
