# Get-SesSuppressedAddress as a user types it, against the project's SES v2 fake (moto does not serve the suppression
# list): every page streamed, SES's filters, direct lookups with per-address errors, throttling, the views, and the
# help examples, which answer which recent hard bounces and complaints are not suppressed yet and which suppressed
# addresses have been delivered to since.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesSuppressedAddress -Minimum 6)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Suppression.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
}

Describe 'Listing' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $fakeAws.RequestsPerSecond = 100
    }
    AfterEach { $aws.Dispose() }

    It 'streams every page, each address once, as SesAnalytics.SuppressedAddress' {
        0..6 | ForEach-Object { $aws.Ses.Suppress("r$_@example.net", ($_ % 2 ? 'COMPLAINT' : 'BOUNCE'), $day.AddHours($_)) }
        $aws.Ses.SuppressionPageSize = 3

        $listed = @(Get-SesSuppressedAddress @fakeAws)

        $listed.EmailAddress | Should -Be @(0..6 | ForEach-Object { "r$_@example.net" })
        $listed[0] | Should -BeOfType ([SesAnalytics.SuppressedAddress])
        $listed[0].PSTypeNames[0] | Should -Be 'SesAnalytics.SuppressedAddress'
        $listed[3].Reason | Should -Be 'COMPLAINT'
        $listed[3].LastUpdateTime | Should -Be $day.AddHours(3)
        $listed[3].LastUpdateTime.Kind | Should -Be 'Utc'
        $listed | Where-Object MessageId | Should -BeNullOrEmpty -Because 'SES lists no message ids'
        Get-SuppressionCall $aws | Should -Be @('GET suppression/addresses', 'GET suppression/addresses', 'GET suppression/addresses')
        @($aws.Requests | Where-Object Path -EQ '/v2/email/suppression/addresses' | ForEach-Object Query) | Should -Be @('', 'NextToken=page-3', 'NextToken=page-6')
    }

    It 'asks SES for -Reason, and for -From and -To in UTC, a typed date taken as UTC' {
        $aws.Ses.Suppress('old@example.net', 'COMPLAINT', $day.AddDays(-30))
        $aws.Ses.Suppress('new@example.net', 'COMPLAINT', $day)
        $aws.Ses.Suppress('bounced@example.net', 'BOUNCE', $day)

        $listed = @(Get-SesSuppressedAddress -Reason complaint -From 2024-03-01 -To '2024-03-08 12:30' @fakeAws)

        $listed.EmailAddress | Should -Be @('new@example.net')
        ($aws.Requests | Where-Object Path -EQ '/v2/email/suppression/addresses').Query |
            Should -Be 'Reason=COMPLAINT&StartDate=2024-03-01T00%3A00%3A00Z&EndDate=2024-03-08T12%3A30%3A00Z'
    }

    It 'converts a local -From to UTC' {
        $local = [datetime]::new(2024, 3, 8, 10, 0, 0, [DateTimeKind]::Local)
        $null = Get-SesSuppressedAddress -From $local @fakeAws
        $expected = [uri]::EscapeDataString($local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))
        ($aws.Requests | Where-Object Path -EQ '/v2/email/suppression/addresses').Query | Should -Be "StartDate=$expected"
    }

    It 'retries a throttled page and still lists everything' {
        $aws.Ses.Suppress('a@example.net', 'BOUNCE', $day)
        $aws.Ses.ThrottleSuppressionCalls = 2
        @(Get-SesSuppressedAddress @fakeAws).EmailAddress | Should -Be @('a@example.net')
        (Get-SuppressionCall $aws).Count | Should -Be 3
    }

    It 'shows its progress while listing' {
        0..4 | ForEach-Object { $aws.Ses.Suppress("r$_@example.net", 'BOUNCE', $day) }
        $aws.Ses.SuppressionPageSize = 2
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Get-SesSuppressedAddress @aws'
        $run.Output.Count | Should -Be 5
        $run.Progress.Activity | Should -Contain 'Listing the SES suppression list in us-east-1'
        ($run.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
    }

    It 'sends only requests the botocore model of SES v2 allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $aws.Ses.Suppress('a@example.net', 'BOUNCE', $day)
        $null = Get-SesSuppressedAddress -Reason BOUNCE @fakeAws
        $null = Get-SesSuppressedAddress a@example.net @fakeAws
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe 'Looking addresses up' {
    BeforeEach {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $fakeAws.RequestsPerSecond = 100
        $aws.Ses.Suppress('a+tag@example.net', 'COMPLAINT', $day, 'msg-a', 'feedback-a')
        $aws.Ses.Suppress('b@example.net', 'BOUNCE', $day)
    }
    AfterEach { $aws.Dispose() }

    It 'gives the message and feedback ids SES keeps for a direct lookup' {
        $found = Get-SesSuppressedAddress a+tag@example.net @fakeAws
        $found.EmailAddress | Should -Be 'a+tag@example.net'
        $found.Reason | Should -Be 'COMPLAINT'
        $found.MessageId | Should -Be 'msg-a'
        $found.FeedbackId | Should -Be 'feedback-a'
        Get-SuppressionCall $aws | Should -Be @('GET suppression/addresses/a+tag@example.net')
    }

    It 'reports an address not on the list as its own ObjectNotFound error and goes on' {
        $errors = $null
        $found = @('nobody@example.net', 'b@example.net' | Get-SesSuppressedAddress @fakeAws -ErrorVariable errors -ErrorAction SilentlyContinue)
        $found.EmailAddress | Should -Be @('b@example.net')
        Assert-ErrorRecord $errors[0] -Id SesAddressNotSuppressed -Category ObjectNotFound -Target 'nobody@example.net' -Secret $secret `
            -MessageLike "'nobody@example.net' is not on the account-level suppression list of SES in us-east-1.*"
    }

    It 'looks up what the listing pipes in, to fill in the ids' {
        $found = @(Get-SesSuppressedAddress @fakeAws | Get-SesSuppressedAddress @fakeAws)
        $found.EmailAddress | Should -Be @('a+tag@example.net', 'b@example.net')
        $found[0].MessageId | Should -Be 'msg-a'
    }

    It 'takes the recipients of piped events' {
        $event = [pscustomobject]@{ Recipients = @('b@example.net', 'a+tag@example.net') }
        @($event | Get-SesSuppressedAddress @fakeAws).EmailAddress | Should -Be @('b@example.net', 'a+tag@example.net')
    }

    It 'refuses -Reason with -EmailAddress, since a lookup names the address' {
        { Get-SesSuppressedAddress -EmailAddress b@example.net -Reason BOUNCE @fakeAws -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }
}

Describe 'Parameters' {
    It 'completes -Reason with BOUNCE and COMPLAINT' {
        $line = 'Get-SesSuppressedAddress -Reason '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('BOUNCE', 'COMPLAINT')
    }

    It 'refuses a reason SES does not have, before calling AWS' {
        { Get-SesSuppressedAddress -Reason Delivery -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'refuses a -RequestsPerSecond of <_>' -ForEach 0, 101 {
        { Get-SesSuppressedAddress -RequestsPerSecond $_ -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'The addresses as a table and as a list' {
    BeforeAll {
        $aws = New-SuppressionFake
        $fakeAws = Get-FakeAwsParameters $aws
        $aws.Ses.Suppress('a-long-address.for-a-table@mail.example.net', 'COMPLAINT', $day.AddHours(17.25), 'msg-a', 'feedback-a')
        $listed = @(Get-SesSuppressedAddress @fakeAws)
        $found = Get-SesSuppressedAddress a-long-address.for-a-table@mail.example.net @fakeAws
    }
    AfterAll { $aws.Dispose() }

    It 'shows EmailAddress, Reason and LastUpdateTime within 79 columns' {
        $table = Assert-ViewText $listed -Width 79 -PassThru -Match '(?m)^\s*EmailAddress\s+Reason\s+LastUpdateTime\s*$', `
            'a-long-address\.for-a-table@mail\.example\.net\s+COMPLAINT\s+2024-03-08 17:15:00'
        $table -split "`r?`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
    }

    It 'lists every property, the ids included' {
        Assert-ViewText $found -View List -Match 'EmailAddress\s+: a-long-address\.for-a-table@mail\.example\.net', 'Reason\s+: COMPLAINT',
            'LastUpdateTime\s+: 2024-03-08 17:15:00', 'MessageId\s+: msg-a', 'FeedbackId\s+: feedback-a'
    }

    It 'shows the address as its text' {
        "$found" | Should -Be 'a-long-address.for-a-table@mail.example.net'
    }
}

Describe 'Help examples' {
    BeforeAll {
        $folder = New-TestFolder suppression-help
        $recent = (Get-Date).ToUniversalTime().Date.AddDays(-2)
        $data = New-SuppressionExampleStore $folder $recent
        $code = @(Get-HelpExampleCode Get-SesSuppressedAddress).Code
    }
    AfterAll { Remove-TestFolder $folder }
    BeforeEach {
        $aws = New-SuppressionFake
        Set-SuppressionExampleList $aws $recent
    }
    AfterEach { $aws.Dispose() }

    It '<Title> runs without error against the fake' -ForEach $examples {
        $output = @(Invoke-SuppressionHelpExample $Code $aws $folder)
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
        ($output | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'Example 1 lists the addresses suppressed for complaints' {
        $output = @(Invoke-SuppressionHelpExample $code[0] $aws $folder)
        $output.EmailAddress | Sort-Object | Should -Be @('angry@example.net', 'march@example.com')
    }

    It 'Example 3 lists the addresses suppressed in March 2024' {
        @(Invoke-SuppressionHelpExample $code[2] $aws $folder).EmailAddress | Should -Be @('march@example.com')
    }

    It 'Example 4 lists the recent hard bounces whose address is not suppressed' {
        $suppressed = @($aws.Ses.SuppressedAddresses.Keys)
        $expected = @($data.Permanent | Where-Object { $_ -notin $suppressed })
        $output = @(Invoke-SuppressionHelpExample $code[3] $aws $folder)
        $output.EmailAddress | Should -Be $expected
        $output[0].BounceType | Should -Be 'Permanent'
        $expected | Should -Be @('hard2@example.net')
    }

    It 'Example 5 lists the recent complaints with a recipient who is not suppressed' {
        $output = @(Invoke-SuppressionHelpExample $code[4] $aws $folder)
        $output.Recipients | Should -Be @('angry2@example.net')
    }

    It 'Example 6 lists the suppressed addresses delivered to after they were suppressed' {
        $output = @(Invoke-SuppressionHelpExample $code[5] $aws $folder)
        $output.EmailAddress | Should -Be @('old-suppressed@example.net')
        $output[0].PSTypeNames[0] | Should -Be 'SesAnalytics.SuppressedAddress'
    }
}
