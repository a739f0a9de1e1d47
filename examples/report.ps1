#Requires -Version 7.4
<#
.SYNOPSIS
    An SES report from generated events: no AWS account needed.
.DESCRIPTION
    1. generates two weeks of realistic SES events (March 1-14, 2024) for three sending identities, each message tagged
       with one of three campaigns (a message tag of your own, as SendEmail's EmailTags sets it);
    2. lays them out as Kinesis Data Firehose does, in a local store;
    3. writes the second week's report, which compares itself with the first week, as one HTML file.

    From a clone: dotnet tool restore && dotnet pwsh -NoProfile -c "./build.ps1 && ./examples/report.ps1"
    It imports the installed SesAnalytics module, or else the one ./build.ps1 staged in out/.
.EXAMPLE
    ./examples/report.ps1 -OutFile ./ses-report.html
#>
param(
    [string] $Store = (Join-Path ([IO.Path]::GetTempPath()) 'sesanalytics-report-store'),
    [string] $OutFile = (Join-Path ([IO.Path]::GetTempPath()) 'sesanalytics-report.html')
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module SesAnalytics)) {
    $built = Join-Path $PSScriptRoot '../out/SesAnalytics'
    if (Get-Module -ListAvailable SesAnalytics) { Import-Module SesAnalytics }
    elseif (Test-Path $built) { Import-Module $built }
    else { throw "SesAnalytics is neither installed nor built: run ./build.ps1 first." }
}

if (Test-Path -LiteralPath $Store) { Remove-Item -LiteralPath $Store -Recurse -Force }

# Every event of a message carries the message's tags: the campaign follows from the message id.
$campaigns = 'spring-sale', 'newsletter', 'onboarding'
function Add-CampaignTag {
    process {
        $id = [regex]::Match($_, '"messageId":"([^"]+)"').Groups[1].Value
        $campaign = $campaigns[[int]([char[]]$id | Measure-Object -Sum).Sum % $campaigns.Count]
        $_ -creplace '"tags":\{', "`"tags`":{`"campaign`":[`"$campaign`"],"
    }
}

Write-Host "== 1-2. 20,000 sample events of March 1-14, 2024, with campaign tags, into $Store"
New-SesSampleEvent -Count 20000 -Seed 42 -StartDate 2024-03-01 -Days 14 -Identity example.com, mail.example.org, alerts@example.net -AsJson |
    Add-CampaignTag | Import-SesEvent -Destination $Store | Format-Table

Write-Host "== 3. The report of March 8-14 (against March 1-7): $OutFile"
Export-SesReport -Path $Store -From 2024-03-08 -To 2024-03-14 -OutFile $OutFile -Force -PassThru | Format-Table Name, Length
