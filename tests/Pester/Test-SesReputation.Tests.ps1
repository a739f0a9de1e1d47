# Test-SesReputation: the reputation gate on a local store and with Athena, its annotations under GitHub Actions and
# Azure Pipelines (environment set in a fresh pwsh, so this session's is untouched), and its help examples. Expected
# statuses come from the records' counts worked out in PowerShell (Support/Breakdowns.psm1).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Test-SesReputation -Minimum 4)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Breakdowns.psm1" -Force
    Import-SesAnalyticsModule
    $store = New-TestFolder reputation
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $records = @(New-BreakdownStore $store $day)
    $range = @{ From = '2024-03-08'; To = '2024-03-08' }
    $manifest = Get-ModuleManifestPath
}

AfterAll { Remove-TestFolder $store }

Describe 'Test-SesReputation -Path' {
    It 'passes when every identity is LowVolume at the default minimums' {
        Test-SesReputation $store @range | Should -BeTrue
    }

    It 'fails when a judged rate is AtRisk, and -Detailed returns the failing rows only' {
        $expected = Get-ExpectedSummary $records Identity -Day $day
        $a = $expected | Where-Object Group -eq 'a.example'
        # a.example: 2 of 6 sent recipients bounced hard (33%); b.example: none bounced of 2.
        $a.HardBouncedRecipients / $a.SentRecipients | Should -BeGreaterThan 0.1

        Test-SesReputation $store @range -MinimumBounceVolume 2 -Annotate None -WarningAction SilentlyContinue | Should -BeFalse
        $failed = @(Test-SesReputation $store @range -MinimumBounceVolume 2 -Detailed -Annotate None -WarningVariable warned -WarningAction SilentlyContinue)

        $failed.Identity | Should -Be 'a.example'
        "$($failed.Status)" | Should -Be 'AtRisk'
        $failed[0].PSObject.TypeNames | Should -Contain 'SesAnalytics.EventSummary'
        $warned.Message | Should -Match '^a\.example is AtRisk: bounce rate 33\.33%'
    }

    It 'judges per group with -GroupBy, and only the mail of -ConfigurationSet' {
        $failed = @(Test-SesReputation $store @range -GroupBy RecipientDomain -MinimumBounceVolume 1 -MinimumComplaintVolume 1 -Detailed -Annotate None -WarningAction SilentlyContinue)
        $expected = Get-ExpectedSummary $records RecipientDomain -Day $day

        $bad = $expected | Where-Object { $_.SentRecipients -and ($_.HardBouncedRecipients / $_.SentRecipients -ge 0.05 -or $_.ComplainedRecipients / $_.SentRecipients -ge 0.001) }
        $failed.Group | Should -Be @($bad.Group)
        Test-SesReputation $store @range -ConfigurationSet transactional -MinimumBounceVolume 0 -MinimumComplaintVolume 0 | Should -BeTrue
    }

    It 'with -FailOn AtRisk passes Warning rows but reports them as warnings' {
        $warn = New-TestFolder reputation-warning
        try {
            # 1 hard bounce of 15 recipients: 6.67%, Warning.
            Add-StoreObject $warn w.example Send $day @(New-BreakdownRecord Send w.example (1..15 | ForEach-Object { "r$_@example.net" })) | Out-Null
            Add-StoreObject $warn w.example Bounce $day @(New-BreakdownRecord Bounce w.example r1@example.net) | Out-Null
            $judge = @{ MinimumBounceVolume = 10; MinimumComplaintVolume = 10; Annotate = 'None' }

            Test-SesReputation $warn @range @judge -WarningAction SilentlyContinue | Should -BeFalse
            Test-SesReputation $warn @range @judge -FailOn AtRisk -WarningVariable warned -WarningAction SilentlyContinue | Should -BeTrue
            $warned.Message | Should -Match '^w\.example is Warning: bounce rate 6\.67%'
        }
        finally { Remove-TestFolder $warn }
    }

    It 'gives one answer per piped store' {
        @($store, $store | Test-SesReputation @range).Count | Should -Be 2
    }
}

Describe 'Test-SesReputation annotations' {
    BeforeAll {
        # A CI job's log is what a fresh pwsh writes: one process runs every case in turn, each under the CI variables
        # it names (the command reads them when it runs), its lines after a marker of its own.
        $gate = "Test-SesReputation '$store' -From 2024-03-08 -To 2024-03-08"
        $cases = [ordered]@{
            GitHub = @{ GITHUB_ACTIONS = 'true'; Command = "$gate -MinimumBounceVolume 2" }
            Azure  = @{ TF_BUILD = 'True'; Command = "$gate -GroupBy RecipientDomain -MinimumBounceVolume 1 -FailOn AtRisk" }
            None   = @{ GITHUB_ACTIONS = 'true'; Command = "$gate -MinimumBounceVolume 2 -Annotate None 3>`$null" }
            Forced = @{ Command = "$gate -MinimumBounceVolume 2 -Annotate AzurePipelines" }
        }
        $script = @("Import-Module '$manifest'") + @(foreach ($name in $cases.Keys) {
                $case = $cases[$name]
                "'=== $name'"
                foreach ($variable in 'GITHUB_ACTIONS', 'TF_BUILD') {
                    $case.ContainsKey($variable) ? "`$env:$variable = '$($case[$variable])'" : "Remove-Item env:$variable -ErrorAction Ignore"
                }
                $case.Command
            })
        $run = Invoke-FreshPwsh -Script ($script -join "`n") -Environment @{ GITHUB_ACTIONS = $null; TF_BUILD = $null }
        $log = @{}
        foreach ($part in $run.Output -split '(?m)^=== ' | Select-Object -Skip 1) {
            $name, $lines = $part -split '\r?\n', 2
            $log[$name.Trim()] = "$lines"
        }
    }

    It 'runs every case in the fresh session' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        @($log.Keys | Sort-Object) | Should -Be @('Azure', 'Forced', 'GitHub', 'None') -Because $run.Output
    }

    It 'writes a GitHub Actions error annotation where GITHUB_ACTIONS is true' {
        $log.GitHub | Should -Match ([regex]::Escape('::error title=SES reputation::a.example is AtRisk: bounce rate 33.33%25, complaint rate 0.00%25 of 6 sent recipients from 2024-03-08 to 2024-03-08'))
        $log.GitHub | Should -Match '(?m)^False\s*$'
        $log.GitHub | Should -Not -Match 'WARNING:'
    }

    It 'writes an Azure Pipelines issue where TF_BUILD is True, and a warning issue for a Warning row with -FailOn AtRisk' {
        $log.Azure | Should -Match ([regex]::Escape('##vso[task.logissue type=error]gmail.com is AtRisk: bounce rate 40.00%AZP25'))
        $log.Azure | Should -Not -Match '::error'
    }

    It 'writes no annotation with -Annotate None, and the chosen format whatever the environment' {
        $log.None | Should -Match '(?m)^False\s*$'
        $log.None | Should -Not -Match '::error|##vso'
        $log.Forced | Should -Match ([regex]::Escape('##vso[task.logissue type=error]a.example is AtRisk'))
    }
}

Describe 'Test-SesReputation with Athena' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'judges the counts Athena gives over the whole range in one query' {
        Set-AthenaResult $fake Summary -Row @(ConvertTo-GroupedAthenaRow $records -Day $day -Plain)

        $failed = @(Test-SesReputation -WorkGroup ses-analytics -Database sesanalytics -Table events -Identity a.example, b.example @range -MinimumBounceVolume 2 -Detailed -Annotate None @aws -WarningAction SilentlyContinue)

        $failed.Identity | Should -Be 'a.example'
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 1
    }
}

Describe 'Test-SesReputation help example' {
    BeforeAll {
        $examplesStore = New-TestFolder reputation-examples
        New-ExampleStore $examplesStore
        $credentials = New-AwsCredentialsFile $examplesStore
    }
    AfterAll { Remove-TestFolder $examplesStore }

    It '<Title>' -ForEach $examples {
        $fake = New-AthenaFake
        try {
            $fake.BucketIdentities = @('example.com')
            Set-AthenaResult $fake Summary -Row @(, @('example.com', '2024/03/08', 'Send', 2, 2, 0, 0, 0))
            $output = @(Invoke-HelpExample -Code $Code -Store $examplesStore -Fake $fake -CredentialsFile $credentials)

            $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
            ($output | Out-String) | Should -Not -Match ([regex]::Escape([SesAnalytics.Fakes.LoopbackServer]::SecretKey))
        }
        finally { $fake.Dispose() }
    }
}
