# The scripts in examples/, run as a user or a CI job runs them: in a fresh pwsh, judged by exit code and output.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    $examples = Join-Path (Get-RepoRoot) 'examples'
    $manifest = Get-ModuleManifestPath
}

Describe 'examples/quickstart.ps1' {
    BeforeAll {
        $store = New-TestFolder quickstart
        $run = Invoke-FreshPwsh -Script "Import-Module '$manifest'; & '$examples/quickstart.ps1' -Store '$store'"
    }
    AfterAll { Remove-TestFolder $store }

    It 'runs without error and partitions the 20,000 events' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '\b20000\s+20000\b'
        Get-ChildItem -LiteralPath (Join-Path $store 'partitioned') -Directory | Select-Object -ExpandProperty Name |
            Should -Be @('alerts@example.net', 'example.com', 'mail.example.org')
    }

    It 'prints the bounces and the week''s reputation as tables' {
        $run.Output | Should -Match 'EmailAddress'
        $run.Output | Should -Match 'SubType'
        $run.Output | Should -Match 'mail\.example\.org'
    }
}

Describe 'examples/reputation-gate.ps1' {
    BeforeAll {
        $store = New-TestFolder gate
        $today = (Get-Date).ToUniversalTime().Date
        $recipients = 1..10 | ForEach-Object { "r$_@example.net" }
        foreach ($identity in 'bad.example', 'good.example') {
            Add-StoreObject $store $identity Send $today ($recipients | ForEach-Object { New-SesTestRecord Send $identity $_ }) | Out-Null
        }
        # 3 of 10 recipients hard-bounced: 30%, past the 10% at which SES may pause sending.
        Add-StoreObject $store bad.example Bounce $today ($recipients | Select-Object -First 3 | ForEach-Object { New-SesTestRecord Bounce bad.example $_ }) | Out-Null
        $gate = Join-Path $examples 'reputation-gate.ps1'
    }
    AfterAll { Remove-TestFolder $store }

    It 'fails a GitHub Actions job with an error annotation when an identity is at risk' {
        $run = Invoke-FreshPwsh -Script "Import-Module '$manifest'; & '$gate' -Path '$store' -MinimumBounceVolume 10; exit `$LASTEXITCODE" -Environment @{ GITHUB_ACTIONS = 'true'; TF_BUILD = $null }
        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Output | Should -Match ([regex]::Escape('::error title=SES reputation::bad.example is AtRisk: bounce rate 30.00%25'))
        $run.Output | Should -Not -Match 'good\.example is'
    }

    It 'passes an identity at risk with too few recipients to judge' {
        $run = Invoke-FreshPwsh -Script "Import-Module '$manifest'; & '$gate' -Path '$store'; exit `$LASTEXITCODE" -Environment @{ GITHUB_ACTIONS = 'true'; TF_BUILD = $null }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match '::error'
    }

    It 'passes healthy identities and writes no Azure Pipelines issue' {
        $run = Invoke-FreshPwsh -Script "Import-Module '$manifest'; & '$gate' -Path '$store' -Identity 'good*' -FailOn Warning -MinimumBounceVolume 0 -MinimumComplaintVolume 0; exit `$LASTEXITCODE" -Environment @{ TF_BUILD = 'True'; GITHUB_ACTIONS = $null }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match ([regex]::Escape('##vso[task.logissue'))
        $run.Output | Should -Match 'No identity at Warning or worse over the last 7 days\.'
    }
}
