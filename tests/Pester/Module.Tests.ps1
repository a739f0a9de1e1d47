# The module as a whole: its manifest, what it exports, its help, and import cost.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $commands = @(Get-Command -Module SesAnalytics | Select-Object -ExpandProperty Name)
    if ($commands.Count -lt 17) { throw "Discovery found only $($commands.Count) SesAnalytics commands." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $manifest = Get-ModuleManifestPath
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

    It '<_> has help with a synopsis and an example' -ForEach $commands {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_*"
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'loads neither the AWS SDK nor DuckDB on import, in a fresh pwsh' {
        $script = @"
Import-Module '$manifest' -ErrorAction Stop
`$ours = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name -eq 'SesAnalytics' }
'loaded: ' + ((`$ours.GetName().Name | Sort-Object) -join ',')
"@
        $run = Invoke-FreshPwsh -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'loaded: '
        $run.Output | Should -Not -Match 'DuckDB|AWSSDK'
    }
}
