#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# For people who have pwsh and Pester 5: ./build.ps1 -Task Build, Test runs these after the xunit suites.
# The xunit tests in tests/SesAnalytics.Module.Tests drive the same module through the PowerShell engine on machines
# without pwsh; these check what only a real pwsh shows (formatting through Format-Table, Get-Help text).

BeforeAll {
    $version = (Import-PowerShellDataFile "$PSScriptRoot/../../module/SesAnalytics.psd1").ModuleVersion
    $manifest = "$PSScriptRoot/../../out/SesAnalytics/$version/SesAnalytics.psd1"
    if (-not (Test-Path $manifest)) { throw "Build first: $manifest is missing." }
    Import-Module $manifest -Force
}

AfterAll {
    Remove-Module SesAnalytics -ErrorAction SilentlyContinue
}

Describe 'The module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports only cmdlets with approved verbs' {
        $approved = (Get-Verb).Verb
        Get-Command -Module SesAnalytics | ForEach-Object {
            $_.CommandType | Should -Be 'Cmdlet'
            $approved | Should -Contain $_.Verb
        }
    }

    It 'has help with an example for <_>' -ForEach (Get-Command -Module SesAnalytics).Name {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_*"
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'loads no AWS SDK or DuckDB assembly on import' {
        $names = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name
        # Another module in this session may have loaded AWSSDK into the default context; ours live in their own.
        $ours = [AppDomain]::CurrentDomain.GetAssemblies() |
            Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -eq 'SesAnalytics' }
        $ours.GetName().Name | Should -Not -Contain 'DuckDB.NET.Data'
        $names | Should -Contain 'SesAnalytics.Engine'
    }
}

Describe 'Get-SesAwsContext' {
    It 'prefers parameters and never shows the secret' {
        $context = Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDPESTER000001 -SecretKey 'pester-secret'
        $context.Region | Should -Be 'eu-west-1'
        $context.AccessKeyId | Should -BeLike '*0001'
        ($context | Format-List | Out-String) | Should -Not -Match 'pester-secret|AKIDPESTER000001'
    }
}

Describe 'The offline twin' {
    BeforeAll {
        $store = Join-Path ([IO.Path]::GetTempPath()) ("sesanalytics-pester-" + [guid]::NewGuid())
        $samples = New-SesSampleEvent -Count 2000 -Seed 5 -Days 2
        $summary = $samples | Import-SesEvent -Destination $store
    }

    AfterAll {
        Remove-Item -Recurse -Force $store -ErrorAction SilentlyContinue
    }

    It 'reconciles what it read with what it wrote' {
        $summary.LinesRead | Should -Be 2000
        $summary.EventsWritten + $summary.ErrorsWritten + $summary.Rejected | Should -Be $summary.LinesRead
    }

    It 'returns the imported bounces, one per recipient' {
        $expected = ($samples | Where-Object EventType -eq 'Bounce' | ForEach-Object { $_.Bounce.BouncedRecipients }).Count
        @(Get-SesBounce -Path $store).Count | Should -Be $expected
    }

    It 'reads every event back typed' {
        @(Get-SesEvent -Path $store).Count | Should -Be $samples.Count
    }

    It 'shows bounces as a table' {
        (Get-SesBounce -Path $store | Format-Table | Out-String) | Should -Match 'EmailAddress'
    }
}
