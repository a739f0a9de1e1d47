# The module in a session where another module already loaded a different AWSSDK.Core into the default load context
# (AWS.Tools does), and across Remove-Module / Import-Module. Runs in a fresh pwsh so that nothing else loaded first.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    $manifest = Get-ModuleManifestPath
    $legacy = Join-Path (Get-RepoRoot) 'out/test-packages/awssdk.core/3.7.501.1/lib/net8.0/AWSSDK.Core.dll'
}

Describe 'Beside an older AWSSDK.Core' {
    BeforeAll {
        $store = New-TestFolder isolation
        $script = @"
`$ErrorActionPreference = 'Stop'
`$legacy = [Reflection.Assembly]::LoadFrom('$legacy')
'legacy:' + `$legacy.GetName().Version
Import-Module '$manifest'
`$first = Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDISOLATION01 -SecretKey isolated
'first:' + `$first.Region + ':' + `$first.AccessKeyId
Remove-Module SesAnalytics
Import-Module '$manifest'
`$second = Get-SesAwsContext -Region ap-northeast-1 -AccessKey AKIDISOLATION02 -SecretKey isolated
'second:' + `$second.Region + ':' + `$second.AccessKeyId
`$null = New-SesSampleEvent -Count 300 -Seed 3 -AsJson | Import-SesEvent -Destination '$store'
'bounces:' + @(Get-SesBounce -Path '$store' -From (Get-Date).AddDays(-7)).Count
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'DuckDB.NET.Data' } |
    ForEach-Object { 'duckdb:' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' } |
    ForEach-Object { 'sdk:' + `$_.GetName().Version + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@
        $run = Invoke-FreshPwsh -Script $script
    }
    AfterAll { Remove-TestFolder $store }

    It 'runs AWS and DuckDB commands with its own SDK while the older one stays in the default context' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'legacy:3\.3\.0\.0'
        $run.Output | Should -Match 'sdk:3\.3\.0\.0:Default'
        $run.Output | Should -Match 'sdk:4\.0\.0\.0:SesAnalytics'
        $run.Output | Should -Match 'duckdb:SesAnalytics'
        $run.Output | Should -Match 'bounces:[1-9]'
    }

    It 'survives Remove-Module and Import-Module' {
        $run.Output | Should -Match ([regex]::Escape('first:eu-west-1:***********ON01'))
        $run.Output | Should -Match ([regex]::Escape('second:ap-northeast-1:***********ON02'))
    }
}
