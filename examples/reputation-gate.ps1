# A CI gate on SES reputation: fails the job when a sending identity's bounce or complaint rate reaches the level at
# which SES reviews (Warning) or may pause (AtRisk) the account. Made for scheduled jobs and release pipelines.
#   in the cloud (Athena):  pwsh ./examples/reputation-gate.ps1 -StackName ses-analytics [-Identity example.com] [-Days 7]
#   on a copy of the bucket: pwsh ./examples/reputation-gate.ps1 -Path ./ses-store [-FailOn Warning]
#   with only the .NET SDK:  dotnet tool restore && dotnet pwsh ./examples/reputation-gate.ps1 -Path ./ses-store
#
# It prints the summary table, then one line per identity over the limit, as an error annotation on GitHub Actions
# (::error) and Azure Pipelines (##vso[task.logissue]), and exits 1 when there is any; 0 otherwise. AWS credentials
# and region come from the environment, as the module's commands take them (OIDC role, profile, AWS_REGION).
[CmdletBinding(DefaultParameterSetName = 'Stack')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Stack')]
    [string] $StackName,

    [Parameter(Mandatory, ParameterSetName = 'Path')]
    [string] $Path,

    # Identities (wildcards allowed); all of them by default.
    [string[]] $Identity,

    # The UTC days to judge, ending today.
    [ValidateRange(1, 3650)]
    [int] $Days = 7,

    # The status that fails the job: AtRisk (default) or already Warning.
    [ValidateSet('Warning', 'AtRisk')]
    [string] $FailOn = 'AtRisk',

    [string] $Region
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module SesAnalytics)) {
    $built = Join-Path $PSScriptRoot '../out/SesAnalytics'
    if (Get-Module -ListAvailable SesAnalytics) { Import-Module SesAnalytics }
    else { Import-Module $built }
}

$query = @{ From = (Get-Date).ToUniversalTime().Date.AddDays(1 - $Days); Total = $true }
if ($Identity) { $query.Identity = $Identity }
if ($PSCmdlet.ParameterSetName -eq 'Stack') {
    $query.StackName = $StackName
    if ($Region) { $query.Region = $Region }
}
else {
    $query.Path = $Path
}

$summaries = @(Get-SesEventSummary @query)
$summaries | Format-Table | Out-Host

$failing = @($summaries | Where-Object { $_.Status -eq 'AtRisk' -or ($FailOn -eq 'Warning' -and $_.Status -eq 'Warning') })
foreach ($summary in $failing) {
    $message = '{0} is {1}: bounce rate {2:0.00%}, complaint rate {3:0.00%} from {4:yyyy-MM-dd} to {5:yyyy-MM-dd} (SES reviews an account at 5% / 0.1%, may pause it at 10% / 0.5%)' -f
        $summary.Identity, $summary.Status, $summary.BounceRate, $summary.ComplaintRate, $summary.From, $summary.To
    if ($env:GITHUB_ACTIONS -eq 'true') { "::error title=SES reputation::$message" }
    elseif ($env:TF_BUILD -eq 'True') { "##vso[task.logissue type=error]$message" }
    else { "FAILED: $message" }
}

if ($failing.Count -gt 0) { exit 1 }
'{0} identities judged over {1} days: none {2}.' -f $summaries.Count, $Days, ($FailOn -eq 'Warning' ? 'at Warning or worse' : 'at risk')
exit 0
