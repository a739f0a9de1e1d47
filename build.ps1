#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages the SesAnalytics module.
.DESCRIPTION
    Build stages the importable module in out/SesAnalytics/<version>/ (a plain `dotnet build` does the same).
    Test runs every xunit test (engine, module-through-the-engine, conformance) and, when Pester 5 is installed,
    tests/Pester. Package makes a PowerShell Gallery .nupkg of the staged module in out/.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Build, Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Push-Location $PSScriptRoot
try {
    $version = (Import-PowerShellDataFile ./module/SesAnalytics.psd1).ModuleVersion
    $stage = Join-Path $PSScriptRoot "out/SesAnalytics/$version"

    foreach ($step in $Task) {
        switch ($step) {
            'Build' {
                dotnet build SesAnalytics.sln --configuration $Configuration
                if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)." }
                Write-Host "Module staged in $stage"
            }
            'Test' {
                dotnet test SesAnalytics.sln --configuration $Configuration
                if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)." }
                if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0') {
                    $result = Invoke-Pester -Path ./tests/Pester -PassThru -Output Detailed
                    if ($result.FailedCount) { throw "$($result.FailedCount) Pester test(s) failed." }
                }
                else {
                    Write-Warning 'Pester 5 is not installed; tests/Pester skipped (Install-Module Pester -MinimumVersion 5.0).'
                }
            }
            'Package' {
                if (-not (Test-Path $stage)) { throw "Nothing staged at $stage; run the Build task first." }
                $repo = Join-Path $PSScriptRoot 'out/repository'
                New-Item -ItemType Directory -Force -Path $repo | Out-Null
                $name = 'SesAnalyticsLocal'
                if (-not (Get-PSResourceRepository -Name $name -ErrorAction SilentlyContinue)) {
                    Register-PSResourceRepository -Name $name -Uri $repo -Trusted
                }
                Publish-PSResource -Path $stage -Repository $name
                Write-Host "Package written to $repo"
            }
        }
    }
}
finally {
    Pop-Location
}
