# Add-SesSuppressedAddress as a user types it, against the project's SES v2 fake: typed addresses, bounces from
# Get-SesBounce and complaint events from Get-SesEvent piped with their reason, idempotence, per-address failures,
# throttling, pacing, -WhatIf/-Confirm, Ctrl+C between addresses, the summary's views, and the help examples.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Add-SesSuppressedAddress -Minimum 5)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Suppression.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $folder = New-TestFolder suppression-add
    $data = New-SuppressionExampleStore $folder $day
    $range = @{ From = $day; To = $day }
}

AfterAll { Remove-TestFolder $folder }

Describe 'Adding' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $fakeAws.RequestsPerSecond = 100
    }
    AfterEach { $aws.Dispose() }

    It 'adds a typed address with -Reason and returns the summary' {
        $summary = Add-SesSuppressedAddress former@example.com BOUNCE @fakeAws
        $summary | Should -BeOfType ([SesAnalytics.SuppressionSummary])
        $summary.PSTypeNames[0] | Should -Be 'SesAnalytics.SuppressionSummary'
        ($summary.Added, $summary.Updated, $summary.AlreadySuppressed, $summary.Failed, $summary.Skipped) | Should -Be @(1, 0, 0, 0, 0)
        $aws.Ses.SuppressedAddresses['former@example.com'].Reason | Should -Be 'BOUNCE'
        Get-SuppressionCall $aws | Should -Be @('GET suppression/addresses/former@example.com', 'PUT suppression/addresses')
        $body = ($aws.Requests | Where-Object Method -EQ 'PUT').Body | ConvertFrom-Json -AsHashtable
        @($body.Keys | Sort-Object) | Should -Be @('EmailAddress', 'Reason')
        ($body.EmailAddress, $body.Reason) | Should -Be @('former@example.com', 'BOUNCE')
    }

    It 'suppresses the permanent bounces Get-SesBounce pipes, for BOUNCE' {
        $summary = Get-SesBounce $data.Store -BounceType Permanent @range | Add-SesSuppressedAddress @fakeAws
        $summary.Added | Should -Be $data.Permanent.Count
        @($aws.Ses.SuppressedAddresses.Keys | Sort-Object) | Should -Be @($data.Permanent | Sort-Object)
        $aws.Ses.SuppressedAddresses.Values.Reason | Sort-Object -Unique | Should -Be 'BOUNCE'
    }

    It 'suppresses the recipients of complaint events Get-SesEvent pipes, for COMPLAINT' {
        $summary = Get-SesEvent $data.Store -EventType Complaint @range | Add-SesSuppressedAddress @fakeAws
        $summary.Added | Should -Be $data.Complaints.Count
        @($aws.Ses.SuppressedAddresses.Values | Sort-Object EmailAddress | ForEach-Object { "$($_.EmailAddress) $($_.Reason)" }) |
            Should -Be @($data.Complaints | Sort-Object | ForEach-Object { "$_ COMPLAINT" })
    }

    It 'suppresses every complaining recipient of an event with several' {
        $event = [pscustomobject]@{ EventType = 'Complaint'; Recipients = @('one@example.net', 'two@example.net') }
        ($event | Add-SesSuppressedAddress @fakeAws).Added | Should -Be 2
        $aws.Ses.SuppressedAddresses.Values.Reason | Should -Be @('COMPLAINT', 'COMPLAINT')
    }

    It 'suppresses piped bounce events for BOUNCE, whatever their bounce type' {
        $summary = Get-SesEvent $data.Store -EventType Bounce @range | Add-SesSuppressedAddress @fakeAws
        $summary.Added | Should -Be ($data.Permanent.Count + $data.Transient.Count)
    }

    It 'uses -Reason over what is piped' {
        $null = Get-SesBounce $data.Store -BounceType Permanent @range | Add-SesSuppressedAddress -Reason COMPLAINT @fakeAws
        $aws.Ses.SuppressedAddresses.Values.Reason | Sort-Object -Unique | Should -Be 'COMPLAINT'
    }

    It 'refuses a piped event that is no reason to suppress, and adds the rest' {
        $delivery = [pscustomobject]@{ EventType = 'Delivery'; Recipients = @('fine@example.net') }
        $bounce = [pscustomobject]@{ EventType = 'Bounce'; Recipients = @('gone@example.net') }
        $errors = $null
        $summary = $delivery, $bounce | Add-SesSuppressedAddress @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue
        $summary.Added | Should -Be 1
        @($aws.Ses.SuppressedAddresses.Keys) | Should -Be @('gone@example.net')
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike "*'Delivery' is no reason to suppress an address*"
    }

    It 'refuses a text address without -Reason, as an error for that address' {
        $errors = $null
        $summary = 'nowhy@example.net' | Add-SesSuppressedAddress @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue
        $summary | Should -BeNullOrEmpty
        Assert-ErrorRecord $errors[0] -Id SuppressionReasonMissing -Category InvalidArgument -Target 'nowhy@example.net' `
            -MessageLike "No reason to suppress 'nowhy@example.net': give -Reason BOUNCE or COMPLAINT*"
        Get-SuppressionCall $aws | Should -BeNullOrEmpty
    }

    It 'leaves an address already suppressed for the reason as it is, and counts it' {
        $aws.Ses.Suppress('there@example.net', 'BOUNCE', $day)
        $summary = Add-SesSuppressedAddress there@example.net, new@example.net BOUNCE @fakeAws -Verbose 4>&1 | Tee-Object -Variable all |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        ($summary.Added, $summary.AlreadySuppressed) | Should -Be @(1, 1)
        $aws.Ses.SuppressedAddresses['there@example.net'].LastUpdateTime | Should -Be $day
        Get-SuppressionCall $aws | Where-Object { $_ -eq 'PUT suppression/addresses' } | Should -HaveCount 1
        $all.Message | Should -Contain "'there@example.net' is on the suppression list already for BOUNCE, since 2024-03-08 00:00:00Z."
    }

    It 'updates an address suppressed for the other reason, and warns that it did' {
        $aws.Ses.Suppress('changed@example.net', 'COMPLAINT', $day)
        $warnings = $null
        $summary = Add-SesSuppressedAddress changed@example.net BOUNCE @fakeAws -WarningVariable warnings -WarningAction SilentlyContinue
        $summary.Updated | Should -Be 1
        $aws.Ses.SuppressedAddresses['changed@example.net'].Reason | Should -Be 'BOUNCE'
        "$warnings" | Should -Be "'changed@example.net' was on the suppression list for COMPLAINT; its reason is now BOUNCE."
    }

    It 'adds an address piped twice once' {
        $summary = 'twice@example.net', 'TWICE@example.net' | Add-SesSuppressedAddress -Reason BOUNCE @fakeAws
        $summary.Added | Should -Be 1
        Get-SuppressionCall $aws | Should -HaveCount 2
    }

    It 'reports an address SES refuses as its own error, counts it, and adds the others' {
        $aws.Ses.RejectedAddresses.Add('bad@example') | Out-Null
        $errors = $null
        $summary = Add-SesSuppressedAddress a@example.net, bad@example, b@example.net BOUNCE @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue
        ($summary.Added, $summary.Failed) | Should -Be @(2, 1)
        Assert-ErrorRecord $errors[0] -Id SesBadRequest -Category InvalidArgument -Target 'bad@example' -Secret $secret `
            -MessageLike "Could not suppress 'bad@example': SES GetSuppressedDestination refused 'bad@example'*Invalid email address*"
        @($aws.Ses.SuppressedAddresses.Keys | Sort-Object) | Should -Be @('a@example.net', 'b@example.net')
    }

    It 'retries throttled calls with backoff and adds the address' {
        $aws.Ses.ThrottleSuppressionCalls = 2
        (Add-SesSuppressedAddress a@example.net BOUNCE @fakeAws).Added | Should -Be 1
        Get-SuppressionCall $aws | Should -HaveCount 4
    }

    It 'fails only the address SES keeps throttling past the retries' {
        $aws.Ses.ThrottleSuppressionCalls = 5
        $errors = $null
        $summary = Add-SesSuppressedAddress a@example.net, b@example.net BOUNCE @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue
        ($summary.Added, $summary.Failed) | Should -Be @(1, 1)
        $errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $errors[0].TargetObject | Should -Be 'a@example.net'
    }

    It 'paces its calls at -RequestsPerSecond, one a second by default' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Add-SesSuppressedAddress a@example.net, b@example.net BOUNCE @fakeAws -RequestsPerSecond 1
        # Four calls, one a second: three gaps of a second at least.
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2.9
    }

    It 'counts the addresses in its progress, with the time left' {
        # Four calls a second, so that the reports are not merged (a command shows one every 200 ms at most).
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Add-SesSuppressedAddress a@example.net, b@example.net, c@example.net BOUNCE @aws -RequestsPerSecond 4'
        $run.Output[0].Added | Should -Be 3
        $counted = @($run.Progress | Where-Object StatusDescription -Match '^\d of 3: \d added, 0 already there, 0 failed$')
        $counted | Should -Not -BeNullOrEmpty
        $counted[0].Activity | Should -Be 'Adding addresses to the SES suppression list in us-east-1'
        $counted[0].CurrentOperation | Should -BeIn @('a@example.net', 'b@example.net', 'c@example.net')
        $counted[0].SecondsRemaining | Should -BeGreaterThan 0
        ($run.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
    }

    It 'stops between addresses at Ctrl+C and says what it had done' {
        $addresses = 1..20 | ForEach-Object { "r$_@example.net" }
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws; addresses = $addresses } `
            -Script 'Add-SesSuppressedAddress $addresses BOUNCE @aws -RequestsPerSecond 4' `
            -StopWhen { $aws.Ses.SuppressedAddresses.Count -ge 1 }
        $run.ConditionMet | Should -BeTrue
        $run.StopTook.TotalSeconds | Should -BeLessThan 10
        $run.State | Should -Be 'Stopped'
        $aws.Ses.SuppressedAddresses.Count | Should -BeLessThan 20
        $run.HostWarnings | Should -HaveCount 1
        $run.HostWarnings[0] | Should -Match '^Stopped after \d+ of 20 address\(es\): \d+ added, 0 updated, 0 already suppressed, 0 failed, 0 skipped; \d+ not tried\.$'
    }

    It 'sends only requests the botocore model of SES v2 allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $aws.Ses.Suppress('there@example.net', 'COMPLAINT', $day)
        $null = Add-SesSuppressedAddress there@example.net, new@example.net BOUNCE @fakeAws -WarningAction SilentlyContinue
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $fakeAws.RequestsPerSecond = 100
        $aws.Ses.Suppress('changed@example.net', 'COMPLAINT', $day)
    }
    AfterEach { $aws.Dispose() }

    It 'changes nothing under -WhatIf, says what it would do, and counts the addresses as skipped' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Add-SesSuppressedAddress new@example.net, changed@example.net BOUNCE -WhatIf @aws'
        $run.HostLines | Should -Contain 'What if: Performing the operation "Add to the account-level suppression list for BOUNCE" on target "new@example.net".'
        $run.HostLines | Should -Contain 'What if: Performing the operation "Change the suppression reason from COMPLAINT to BOUNCE" on target "changed@example.net".'
        $run.Output[0].Skipped | Should -Be 2
        Get-SuppressionCall $aws | Where-Object { $_ -like 'PUT *' } | Should -BeNullOrEmpty
        $aws.Ses.SuppressedAddresses['changed@example.net'].Reason | Should -Be 'COMPLAINT'
    }

    It 'asks with -Confirm and adds nothing when the answer is No' {
        $run = Invoke-PwshWithInput -InputLine 'N' -Script ((Get-FreshSessionPrelude $fakeAws) + "`nAdd-SesSuppressedAddress new@example.net BOUNCE -Confirm -RequestsPerSecond 100 | Format-List")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Output -replace '\s+', ' ') | Should -Match 'Performing the operation "Add to the account-level suppression list for BOUNCE" on target "new@example.net"'
        $run.Output | Should -Match 'Skipped\s+: 1'
        $aws.Ses.SuppressedAddresses.ContainsKey('new@example.net') | Should -BeFalse
    }
}

Describe 'Parameters' {
    It 'takes -EmailAddress and -Reason at positions 0 and 1, both from the pipeline by property name' {
        $command = Get-Command Add-SesSuppressedAddress
        $email = $command.Parameters['EmailAddress'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        $email.Position | Should -Be 0
        $email.ValueFromPipelineByPropertyName | Should -BeTrue
        $command.Parameters['EmailAddress'].Aliases | Should -Contain 'Recipients'
        $reason = $command.Parameters['Reason'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        $reason.Position | Should -Be 1
        $reason.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'completes -Reason with BOUNCE and COMPLAINT' {
        $line = 'Add-SesSuppressedAddress a@example.com -Reason '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('BOUNCE', 'COMPLAINT')
    }

    It 'takes -Reason in any case' {
        $aws = New-SuppressionFake
        try {
            $fakeAws = Get-FakeAwsParameters $aws
            $null = Add-SesSuppressedAddress a@example.com complaint @fakeAws -RequestsPerSecond 100
            $aws.Ses.SuppressedAddresses['a@example.com'].Reason | Should -Be 'COMPLAINT'
        }
        finally { $aws.Dispose() }
    }
}

Describe 'The summary as a table and as a list' {
    BeforeAll {
        $summary = [SesAnalytics.SuppressionSummary]::new(12, 1, 30, 2, 0)
        $tagged = [psobject]$summary
        $tagged.PSTypeNames.Insert(0, 'SesAnalytics.SuppressionSummary')
    }

    It 'shows the five counts in a table within 79 columns' {
        $table = Assert-ViewText $tagged -Width 79 -PassThru -Match '(?m)^\s*Added\s+Updated\s+AlreadySuppressed\s+Failed\s+Skipped\s*$', '(?m)^\s+12\s+1\s+30\s+2\s+0\s*$'
        $table -split "`r?`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
    }

    It 'lists the five counts' {
        Assert-ViewText $tagged -View List -Match 'Added\s+: 12', 'Updated\s+: 1', 'AlreadySuppressed\s+: 30', 'Failed\s+: 2', 'Skipped\s+: 0'
    }

    It 'reads as a sentence' {
        "$summary" | Should -Be '12 added, 1 updated, 30 already suppressed, 2 failed, 0 skipped'
    }
}

Describe 'Help examples' {
    BeforeAll {
        $recent = (Get-Date).ToUniversalTime().Date.AddDays(-2)
        $helpFolder = New-TestFolder suppression-add-help
        $recentData = New-SuppressionExampleStore $helpFolder $recent
        $code = @(Get-HelpExampleCode Add-SesSuppressedAddress).Code
    }
    AfterAll { Remove-TestFolder $helpFolder }
    BeforeEach {
        $aws = New-SuppressionFake
        Set-SuppressionExampleList $aws $recent
        $before = @($aws.Ses.SuppressedAddresses.Keys)
    }
    AfterEach { $aws.Dispose() }

    It '<Title> runs without error against the fake' -ForEach $examples {
        $output = @(Invoke-SuppressionHelpExample $Code $aws $helpFolder)
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        @($output | Where-Object { $_ -is [SesAnalytics.SuppressionSummary] }) | Should -HaveCount 1
        ($output | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'Example 2 adds the hard bounce not suppressed yet and counts the one that is' {
        $summary = @(Invoke-SuppressionHelpExample $code[1] $aws $helpFolder) | Where-Object { $_ -is [SesAnalytics.SuppressionSummary] }
        $new = @($recentData.Permanent | Where-Object { $_ -notin $before })
        ($summary.Added, $summary.AlreadySuppressed) | Should -Be @($new.Count, ($recentData.Permanent.Count - $new.Count))
        $new | ForEach-Object { $aws.Ses.SuppressedAddresses[$_].Reason | Should -Be 'BOUNCE' }
    }

    It 'Example 3 adds the complaining recipient not suppressed yet, for COMPLAINT' {
        $null = Invoke-SuppressionHelpExample $code[2] $aws $helpFolder
        $aws.Ses.SuppressedAddresses['angry2@example.net'].Reason | Should -Be 'COMPLAINT'
    }

    It 'Example 4 writes nothing' {
        $null = Invoke-SuppressionHelpExample $code[3] $aws $helpFolder
        @($aws.Ses.SuppressedAddresses.Keys | Sort-Object) | Should -Be @($before | Sort-Object)
    }

    It 'Example 5 looks up and adds only the addresses missing from the list' {
        $null = Invoke-SuppressionHelpExample $code[4] $aws $helpFolder
        $new = @($recentData.Permanent | Where-Object { $_ -notin $before })
        Get-SuppressionCall $aws | Where-Object { $_ -like 'GET suppression/addresses/*' } | Should -HaveCount $new.Count
        $new | ForEach-Object { $aws.Ses.SuppressedAddresses.ContainsKey($_) | Should -BeTrue }
    }
}
