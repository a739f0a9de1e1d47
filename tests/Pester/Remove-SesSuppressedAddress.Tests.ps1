# Remove-SesSuppressedAddress as a user types it, against the project's SES v2 fake: typed and piped addresses, an
# address not on the list, throttling, -WhatIf/-Confirm, and the help examples.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Remove-SesSuppressedAddress -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Suppression.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
}

Describe 'Removing' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $fakeAws.RequestsPerSecond = 100
        'a@example.net', 'b+tag@example.net', 'c@example.net' | ForEach-Object { $aws.Ses.Suppress($_, 'BOUNCE', $day) }
    }
    AfterEach { $aws.Dispose() }

    It 'removes a typed address and writes nothing' {
        $output = Remove-SesSuppressedAddress b+tag@example.net @fakeAws
        $output | Should -BeNullOrEmpty
        @($aws.Ses.SuppressedAddresses.Keys | Sort-Object) | Should -Be @('a@example.net', 'c@example.net')
        Get-SuppressionCall $aws | Should -Be @('DELETE suppression/addresses/b+tag@example.net')
        ($aws.Requests | Where-Object Method -EQ 'DELETE').Path | Should -Be '/v2/email/suppression/addresses/b%2Btag%40example.net'
    }

    It 'removes what Get-SesSuppressedAddress pipes' {
        Get-SesSuppressedAddress @fakeAws | Where-Object EmailAddress -Like '[ac]@*' | Remove-SesSuppressedAddress @fakeAws
        @($aws.Ses.SuppressedAddresses.Keys) | Should -Be @('b+tag@example.net')
    }

    It 'reports an address not on the list as its own ObjectNotFound error and goes on' {
        $errors = $null
        Remove-SesSuppressedAddress nobody@example.net, a@example.net @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue
        $aws.Ses.SuppressedAddresses.ContainsKey('a@example.net') | Should -BeFalse
        Assert-ErrorRecord $errors[0] -Id SesAddressNotSuppressed -Category ObjectNotFound -Target 'nobody@example.net' -Secret $secret `
            -MessageLike "'nobody@example.net' is not on the account-level suppression list of SES in us-east-1.*"
    }

    It 'retries throttled calls' {
        $aws.Ses.ThrottleSuppressionCalls = 2
        Remove-SesSuppressedAddress a@example.net @fakeAws
        $aws.Ses.SuppressedAddresses.ContainsKey('a@example.net') | Should -BeFalse
        Get-SuppressionCall $aws | Should -HaveCount 3
    }

    It 'names each address it removed with -Verbose' {
        $verbose = Remove-SesSuppressedAddress a@example.net @fakeAws -Verbose 4>&1
        $verbose.Message | Should -Contain "Removed 'a@example.net' from the suppression list in us-east-1."
    }

    It 'sends only requests the botocore model of SES v2 allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        Remove-SesSuppressedAddress a@example.net @fakeAws
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $aws.Ses.Suppress('a@example.net', 'BOUNCE', $day)
    }
    AfterEach { $aws.Dispose() }

    It 'removes nothing under -WhatIf, and says what it would remove' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Remove-SesSuppressedAddress a@example.net -WhatIf @aws'
        $run.HostLines | Should -Contain 'What if: Performing the operation "Remove from the account-level suppression list in us-east-1" on target "a@example.net".'
        Get-SuppressionCall $aws | Should -BeNullOrEmpty
    }

    It 'asks with -Confirm and removes nothing when the answer is No' {
        $run = Invoke-PwshWithInput -InputLine 'N' -Script ((Get-FreshSessionPrelude $fakeAws) + "`nRemove-SesSuppressedAddress a@example.net -Confirm")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Output -replace '\s+', ' ') | Should -Match 'Performing the operation "Remove from the account-level suppression list in us-east-1" on target "a@example.net"'
        $aws.Ses.SuppressedAddresses.ContainsKey('a@example.net') | Should -BeTrue
    }

    It 'does not ask by default, its impact being Medium' {
        (Get-Command Remove-SesSuppressedAddress).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'Medium'
    }
}

Describe 'Help examples' {
    BeforeAll {
        $recent = (Get-Date).ToUniversalTime().Date.AddDays(-2)
        $folder = New-TestFolder suppression-remove-help
        $null = New-SuppressionExampleStore $folder $recent
        $code = @(Get-HelpExampleCode Remove-SesSuppressedAddress).Code
    }
    AfterAll { Remove-TestFolder $folder }
    BeforeEach {
        $aws = New-SuppressionFake
        Set-SuppressionExampleList $aws $recent
        $aws.Ses.Suppress('fixed-mailbox@example.com', 'BOUNCE', $recent)
        $aws.Ses.Suppress('bounced-2023@example.com', 'BOUNCE', [datetime]::new(2023, 6, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $before = @($aws.Ses.SuppressedAddresses.Keys)
    }
    AfterEach { $aws.Dispose() }

    It '<Title> runs without error against the fake' -ForEach $examples {
        $output = @(Invoke-SuppressionHelpExample $Code $aws $folder)
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        ($output | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'Example 1 removes the address' {
        $null = Invoke-SuppressionHelpExample $code[0] $aws $folder
        $aws.Ses.SuppressedAddresses.ContainsKey('fixed-mailbox@example.com') | Should -BeFalse
        $aws.Ses.SuppressedAddresses.Count | Should -Be ($before.Count - 1)
    }

    It 'Example 2 would remove the bounces suppressed before 2024 and removes nothing' {
        $output = Invoke-SuppressionHelpExample $code[1] $aws $folder
        @($aws.Ses.SuppressedAddresses.Keys | Sort-Object) | Should -Be @($before | Sort-Object)
        $output | Should -BeNullOrEmpty
    }

    It 'Example 3 removes only the suppressed address delivered to since' {
        $null = Invoke-SuppressionHelpExample $code[2] $aws $folder
        @($before | Where-Object { -not $aws.Ses.SuppressedAddresses.ContainsKey($_) }) | Should -Be @('old-suppressed@example.net')
    }
}
