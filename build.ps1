#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages the SesAnalytics module.
.DESCRIPTION
    Build stages the importable module in out/SesAnalytics/<version>/ (a plain `dotnet build` does the same).
    Test builds, then runs the module's Pester suite (tests/Pester) in a fresh pwsh while the engine's xunit suite runs
    alongside it (its output is shown once Pester is done), and fails if either fails. Pester 5.7.1 is restored from
    NuGet into out/test-packages; nothing comes from the PowerShell Gallery.
    Package builds the module again into out/package (never into out/SesAnalytics, which a test session may have
    loaded) and packs it with Compress-PSResource (PSResourceGet 1.1+, in pwsh 7.5+ and the pinned 7.6.10) into
    out/SesAnalytics.<version>.nupkg, ready for Publish-PSResource -NupkgPath. It registers no repository.

    On a machine with only the .NET SDK: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
.PARAMETER Task
    Build (the default), Test, Package; several run in the order given.
.PARAMETER Configuration
    Debug (the default) or Release.
.PARAMETER PesterPath
    With Test: only these Pester files or folders (the whole of tests/Pester by default); the xunit suite still runs
    unless -SkipXunit is given.
.PARAMETER SkipXunit
    With Test: run the Pester suite only.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
.EXAMPLE
    ./build.ps1 -Task Test -SkipXunit -PesterPath tests/Pester/Get-SesBounce.Tests.ps1
.EXAMPLE
    ./build.ps1 -Task Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [string[]] $PesterPath = @(),

    [switch] $SkipXunit
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Push-Location $PSScriptRoot
try {
    $version = (Import-PowerShellDataFile ./module/SesAnalytics.psd1).ModuleVersion
    $stage = Join-Path $PSScriptRoot "out/SesAnalytics/$version"
    $results = Join-Path $PSScriptRoot 'out/test-results'

    function Invoke-Build {
        dotnet build SesAnalytics.sln --configuration $Configuration --nologo
        if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)." }
        Write-Host "Module staged in $stage"
    }

    function Invoke-Package {
        if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {
            throw 'Package needs Compress-PSResource (Microsoft.PowerShell.PSResourceGet 1.1 or later, in PowerShell 7.5+); run it with the pinned pwsh: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Package.'
        }
        $packageRoot = Join-Path $PSScriptRoot 'out/package'
        Remove-Item -LiteralPath $packageRoot -Recurse -Force -ErrorAction SilentlyContinue
        dotnet build src/SesAnalytics.Cmdlets/SesAnalytics.Cmdlets.csproj --configuration $Configuration --nologo `
            "-p:ModuleStageRoot=$packageRoot/SesAnalytics/"
        if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)." }
        $package = Join-Path $PSScriptRoot "out/SesAnalytics.$version.nupkg"
        Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue
        Compress-PSResource -Path (Join-Path $packageRoot "SesAnalytics/$version") -DestinationPath (Split-Path $package)
        Write-Host ('Package written: {0} ({1:N1} MB)' -f $package, ((Get-Item -LiteralPath $package).Length / 1e6))
    }

    # xunit runs in the background while Pester runs in the foreground: its output goes to a log that is shown whole
    # once Pester is done, so the two never interleave. One xunit thread leaves the other core to Pester.
    function Start-Xunit {
        $run = [pscustomobject]@{
            Process = $null
            Log     = Join-Path $results 'xunit.log'
            Errors  = Join-Path $results 'xunit.stderr.log'
            Started = Get-Date
        }
        $arguments = @('test', 'SesAnalytics.sln', '--configuration', $Configuration, '--no-build', '--nologo',
            '--results-directory', $results, '--logger', 'trx', '--', 'xUnit.MaxParallelThreads=1')
        Write-Host "xunit runs alongside Pester; its output follows Pester's."
        $run.Process = Start-Process -FilePath dotnet -ArgumentList $arguments -NoNewWindow -PassThru `
            -RedirectStandardOutput $run.Log -RedirectStandardError $run.Errors
        # On Windows, a Start-Process process keeps its exit code only if its handle was read before it exited.
        $null = $run.Process.Handle
        $run
    }

    function Receive-Xunit($Run) {
        $Run.Process.WaitForExit()
        Write-Host "== xunit, run alongside Pester"
        Get-Content -LiteralPath $Run.Log, $Run.Errors | Out-Host
        $failed = [bool]$Run.Process.ExitCode
        # Sum the counters of this run's TRX files for the closing line.
        $counts = @{ passed = 0; failed = 0; skipped = 0 }
        Get-ChildItem $results -Filter *.trx | Where-Object LastWriteTime -ge $Run.Started | ForEach-Object {
            $counters = ([xml](Get-Content -Raw -LiteralPath $_.FullName)).TestRun.ResultSummary.Counters
            $counts.passed += [int]$counters.passed
            $counts.failed += [int]$counters.failed
            $counts.skipped += [int]$counters.notExecuted
        }
        [pscustomobject]@{ Suite = 'xunit'; Passed = $counts.passed; Failed = $counts.failed; Skipped = $counts.skipped; Broken = $failed }
    }

    function Invoke-PesterSuite {
        dotnet restore tests/Pester/TestDependencies.proj --packages out/test-packages --nologo --verbosity quiet | Out-Host
        if ($LASTEXITCODE) { throw "Restoring Pester from NuGet failed ($LASTEXITCODE)." }
        $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
        $summary = Join-Path $results 'pester-summary.json'
        Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
        $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tests/Pester/Invoke-PesterSuite.ps1'),
            '-SummaryPath', $summary, '-ResultPath', (Join-Path $results 'pester.xml'))
        if ($PesterPath) { $arguments += @('-Path', (($PesterPath -split ',' | ForEach-Object { (Resolve-Path $_).Path }) -join ',')) }
        & $pwsh @arguments | Out-Host
        $broken = [bool]$LASTEXITCODE
        if (-not (Test-Path $summary)) {
            return [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 0; Skipped = 0; Broken = $true }
        }
        $counts = Get-Content -Raw $summary | ConvertFrom-Json
        [pscustomobject]@{ Suite = 'Pester'; Passed = $counts.Passed; Failed = $counts.Failed; Skipped = $counts.Skipped; Broken = $broken }
    }

    foreach ($step in $Task) {
        switch ($step) {
            'Build' { Invoke-Build }
            'Test' {
                if ('Build' -notin $Task) { Invoke-Build }
                New-Item -ItemType Directory -Force -Path $results | Out-Null
                $xunit = $SkipXunit ? $null : (Start-Xunit)
                try {
                    $suites = @(Invoke-PesterSuite)
                    if ($xunit) { $suites = @(Receive-Xunit $xunit) + $suites }
                }
                finally {
                    # Stopped (Ctrl+C) or failed before xunit was waited for: leave no test host behind.
                    if ($xunit -and -not $xunit.Process.HasExited) { $xunit.Process.Kill($true) }
                }
                $suites | Format-Table -AutoSize | Out-String | Write-Host
                $passed = ($suites | Measure-Object Passed -Sum).Sum
                $failed = ($suites | Measure-Object Failed -Sum).Sum
                $skipped = ($suites | Measure-Object Skipped -Sum).Sum
                Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
                $broken = @($suites | Where-Object { $_.Broken -or $_.Failed })
                if ($broken) { throw "Tests failed: $($broken.Suite -join ', ')." }
            }
            'Package' { Invoke-Package }
        }
    }
}
finally {
    Pop-Location
}
