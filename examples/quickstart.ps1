# The SesAnalytics offline quick start: no AWS account needed.
#   with PowerShell:       pwsh ./examples/quickstart.ps1 [-Store <folder>]
#   with only the .NET SDK: dotnet run --project src/SesAnalytics.Host -- examples/quickstart.ps1 [-Store <folder>]
#
# 1. generates a week of realistic SES events for three sending identities (deterministic: same seed, same events);
# 2. lays them out exactly as Kinesis Data Firehose does in the pipeline's bucket:
#    <store>/partitioned/<identity>/<EventType>/yyyy/MM/dd/*.gz
# 3. asks the article's question — yesterday's and today's bounces — and the reputation summary, offline with DuckDB.
#
# Each answer goes to Out-Default on its own, so that every one gets its own table (one pipeline shows the types that
# come after the first as lists). It uses .NET calls where pwsh users would type Join-Path or Remove-Item: the SesAnalytics host offers only
# PowerShell's core commands, and the script runs unchanged in both.
param(
    [string] $Store = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'sesanalytics-quickstart')
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module SesAnalytics)) {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'SesAnalytics'))
}

if ([System.IO.Directory]::Exists($Store)) {
    [System.IO.Directory]::Delete($Store, $true)
}

'== 1-2. Generating 20,000 sample events and partitioning them as Firehose would, into {0}' -f $Store
New-SesSampleEvent -Count 20000 -Seed 42 -Identity example.com, mail.example.org, alerts@example.net -AsJson |
    Import-SesEvent -Destination $Store | Out-Default

'== 3a. Yesterday''s and today''s bounces (Get-SesBounce -Path $Store)'
Get-SesBounce -Path $Store | Out-Default

'== 3b. Reputation per identity over the last 7 days (Get-SesEventSummary -Path $Store -From (7 days ago) -Total)'
Get-SesEventSummary -Path $Store -From ([DateTime]::UtcNow.Date.AddDays(-6)) -Total | Out-Default

'== Next: Get-SesEvent -Path $Store -EventType Click, Get-Help Get-SesBounce -Examples'
