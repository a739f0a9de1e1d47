#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the module's Pester suite in this (fresh) pwsh with the Pester that ./build.ps1 restored from NuGet.
.DESCRIPTION
    ./build.ps1 -Task Test starts this in a new pwsh process, so no session state leaks into the tests. It fails when a
    test fails, when a file cannot be discovered, or when fewer tests are discovered than PesterSettings.psd1 expects
    (a -ForEach that silently found nothing).
#>
[CmdletBinding()]
param(
    [string[]] $Path = @($PSScriptRoot),
    [string] $SummaryPath,
    [string] $ResultPath
)

# No $ErrorActionPreference = 'Stop' here: it would leak into every test, which must see a user's default (Continue).
$Path = @($Path -split ',')
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$pester = Join-Path $root 'out/test-packages/pester/5.7.1/tools/Pester.psd1'
if (-not (Test-Path -LiteralPath $pester)) {
    throw "Pester 5.7.1 is not restored at ${pester}: run ./build.ps1 -Task Test (it restores it from NuGet)."
}
Import-Module $pester -Force -ErrorAction Stop
$settings = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'PesterSettings.psd1')

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $env:CI ? 'Normal' : 'Detailed'
$configuration.Output.StackTraceVerbosity = 'Filtered'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}

# One moto_server serves every file in turn (Start-MotoServer in Support/TestSupport.psm1 starts it at the first file
# that needs it and resets it for each next one); it is stopped once the run is over.
$global:SesAnalyticsSuiteMoto = [pscustomobject]@{ Server = $null }
try {
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    $moto = $global:SesAnalyticsSuiteMoto.Server
    if ($moto -and -not $moto.Process.HasExited) { $moto.Process.Kill(); $moto.Process.WaitForExit() }
    Remove-Variable -Name SesAnalyticsSuiteMoto -Scope Global
}
$wholeSuite = $Path.Count -eq 1 -and (Resolve-Path $Path[0]).Path -eq (Resolve-Path $PSScriptRoot).Path
$problems = @()
if ($result.FailedCount) { $problems += "$($result.FailedCount) test(s) failed" }
if ($result.FailedBlocksCount) { $problems += "$($result.FailedBlocksCount) block(s) failed in BeforeAll/AfterAll" }
if ($result.FailedContainersCount) { $problems += "$($result.FailedContainersCount) file(s) failed to discover or run" }
if ($wholeSuite -and $result.TotalCount -lt $settings.MinimumTestCount) {
    $problems += "only $($result.TotalCount) tests were discovered, fewer than the $($settings.MinimumTestCount) expected (PesterSettings.psd1)"
}

if ($SummaryPath) {
    [ordered]@{
        Passed  = $result.PassedCount
        Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount + $result.NotRunCount
        Total   = $result.TotalCount
    } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
}
if ($problems) {
    Write-Host "Pester: $($problems -join '; ')." -ForegroundColor Red
    exit 1
}
exit 0
