#Requires -Version 7.4
<#
.SYNOPSIS
    The SesAnalytics offline quick start: no AWS account needed.
.DESCRIPTION
    1. generates the last week of realistic SES events for three sending identities (up to now);
    2. lays them out exactly as Kinesis Data Firehose does in the pipeline's bucket:
       <store>/partitioned/<identity>/<EventType>/yyyy/MM/dd/*.gz
    3. asks the article's question, yesterday's and today's bounces, and the week's reputation per identity,
       offline with DuckDB.

    From a clone: dotnet tool restore && dotnet pwsh -NoProfile -c "./build.ps1 && ./examples/quickstart.ps1"
    It imports the installed SesAnalytics module, or else the one ./build.ps1 staged in out/.
.EXAMPLE
    ./examples/quickstart.ps1 -Store ./my-store
#>
param(
    [string] $Store = (Join-Path ([IO.Path]::GetTempPath()) 'sesanalytics-quickstart')
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module SesAnalytics)) {
    $built = Join-Path $PSScriptRoot '../out/SesAnalytics'
    if (Get-Module -ListAvailable SesAnalytics) { Import-Module SesAnalytics }
    elseif (Test-Path $built) { Import-Module $built }
    else { throw "SesAnalytics is neither installed nor built: run ./build.ps1 first." }
}

if (Test-Path -LiteralPath $Store) { Remove-Item -LiteralPath $Store -Recurse -Force }

Write-Host "== 1-2. 20,000 sample events, partitioned as Firehose would, into $Store"
New-SesSampleEvent -Count 20000 -Seed 42 -Identity example.com, mail.example.org, alerts@example.net -AsJson |
    Import-SesEvent -Destination $Store | Format-Table

Write-Host "== 3a. Yesterday's and today's bounces: Get-SesBounce -Path $Store"
Get-SesBounce -Path $Store | Select-Object -First 10 | Format-Table

Write-Host '== 3b. The last 7 days per identity: Get-SesEventSummary -Path $Store -From $weekAgo -Total'
$weekAgo = (Get-Date).ToUniversalTime().Date.AddDays(-6)
Get-SesEventSummary -Path $Store -From $weekAgo -Total | Format-Table

Write-Host '== Next: Get-SesEvent -Path $Store -EventType Click; Get-Help Get-SesBounce -Examples'
