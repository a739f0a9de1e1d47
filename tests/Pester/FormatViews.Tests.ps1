# The format views of the offline query outputs (Get-SesBounce, Get-SesEvent, Get-SesEventSummary), rendered as a user
# sees them: Format-Table at 80 and 120 columns, and Format-List. These assert what the views show today (the key
# columns); the "PowerShell-native surface" issue redesigns them.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    $eventTypes = @(Get-SesEventTypeName)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    Import-SesAnalyticsModule
    $savedRendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'

    # Renders objects as a user's console does, and returns the lines.
    function Show([object[]] $InputObject, [ValidateSet('Table', 'List')] [string] $As, [int] $Width = 120) {
        $text = if ($As -eq 'Table') { $InputObject | Format-Table | Out-String -Width $Width } else { $InputObject | Format-List | Out-String -Width $Width }
        $text -split "`r?`n"
    }

    # example.com on 2024-03-08: 300 sends and 7 hard bounces (2.33%); mail.example.org on 2024-03-09: one bounce.
    $store = New-TestFolder views
    $day = [datetime]'2024-03-08'
    $send = New-SesTestRecord Send example.com 'RECIPIENT'
    $bounce = New-SesTestRecord Bounce example.com 'RECIPIENT'
    Add-StoreObject $store example.com Send $day (0..299 | ForEach-Object { $send.Replace('RECIPIENT', "r$_@example.net") }) | Out-Null
    Add-StoreObject $store example.com Bounce $day (0..6 | ForEach-Object { $bounce.Replace('RECIPIENT', "b$_@example.net") }) | Out-Null
    Add-StoreObject $store mail.example.org Bounce $day.AddDays(1) @(New-SesTestRecord Bounce mail.example.org bounce@simulator.amazonses.com) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }

    $fixtureSkip = Get-SharedSkipReason
    $fixtures = New-TestFolder views-fixtures
    if (-not $fixtureSkip) { Add-FixtureStore $fixtures | Out-Null }
}

AfterAll {
    $PSStyle.OutputRendering = $savedRendering
    Remove-TestFolder $store, $fixtures
}

Describe 'Get-SesBounce''s view' {
    BeforeAll { $bounces = @(Get-SesBounce $store @range) }

    It 'shows every column in a table 120 wide' {
        $lines = Show $bounces Table 120

        $lines -match '^Day\s+Identity\s+EmailAddress\s+BounceType\s+BounceSubType\s+Status\s+DiagnosticCode\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08 example\.com\s+b0@example\.net\s+Permanent\s+General\s+5\.1\.1\s+smtp; 550 5\.1\.1 user unknown\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-09 mail\.example\.org\s+bounce@simulator\.amazonses\.com\s+Permanent' | Should -HaveCount 1
    }

    It 'shows Day, Identity, EmailAddress and BounceType in a table 80 wide' {
        $lines = Show $bounces Table 80

        $lines -match '^Day\s+Identity\s+EmailAddress\s+BounceType' | Should -HaveCount 1
        $lines -match '^2024-03-08 example\.com\s+b0@example\.net\s+Permanent' | Should -HaveCount 1
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows every property in a list' {
        $lines = Show $bounces[0] List

        foreach ($property in 'Identity', 'Day', 'MessageId', 'SendTime', 'Subject', 'ConfigurationSet', 'BounceType', 'BounceSubType', 'Status', 'DiagnosticCode') {
            $lines -match "^$property\s+: \S" | Should -HaveCount 1 -Because "the list shows $property"
        }
        $lines -match '^EmailAddress\s+: b0@example\.net$' | Should -HaveCount 1
        $lines -match '^BounceType\s+: Permanent$' | Should -HaveCount 1
    }
}

Describe 'Get-SesEvent''s view' {
    BeforeAll { $events = @(Get-SesEvent $store Send, Bounce @range -Identity example.com -Recipient 'r0@*', 'b0@*') }

    # Today MessageId is cut to 18 characters even at 120 columns (an SES message id has 60).
    It 'shows Timestamp, Identity, EventType, MessageId, Recipients and Subject in a table 120 wide' {
        $lines = Show $events Table 120

        $lines -match '^Timestamp\s+Identity\s+EventType\s+MessageId\s+Recipients\s+Subject\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08 17:14:29\.000\s+example\.com\s+Send\s+message-r0@\S+\s+r0@example\.net\s+test\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08 17:14:29\.000\s+example\.com\s+Bounce\s+message-b0@\S+\s+b0@example\.net\s+test\s*$' | Should -HaveCount 1
    }

    It 'shows Timestamp, Identity and EventType in a table 80 wide' {
        $lines = Show $events Table 80

        $lines -match '^Timestamp\s+Identity\s+EventType' | Should -HaveCount 1
        $lines -match '^2024-03-08 17:14:29\.000\s+example\.com\s+Send\b' | Should -HaveCount 1
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows the event, its own object and its JSON in a list' {
        $lines = Show ($events | Where-Object EventType -eq 'Bounce') List

        $lines -match '^EventType\s+: Bounce$' | Should -HaveCount 1
        $lines -match '^Identity\s+: example\.com$' | Should -HaveCount 1
        $lines -match '^MessageId\s+: message-b0@example\.net$' | Should -HaveCount 1
        $lines -match '^Recipients\s+: \{b0@example\.net\}$' | Should -HaveCount 1
        $lines -match '^Bounce\s+: .*BounceType = Permanent' | Should -HaveCount 1
        $lines -match '^Json\s+: \{"eventType":"Bounce"' | Should -HaveCount 1
        foreach ($property in 'Timestamp', 'Mail', 'Subject', 'Source', 'ConfigurationSet') {
            $lines -match "^$property\s+: \S" | Should -HaveCount 1 -Because "the list shows $property"
        }
    }

    It 'renders AWS''s <_> example with the event table' -ForEach $eventTypes {
        if ($fixtureSkip) { Set-ItResult -Skipped -Because $fixtureSkip; return }
        $evt = Get-SesEvent $fixtures $_ -From 2016-01-01 -To 2022-12-31

        foreach ($width in 80, 120) {
            $lines = Show $evt Table $width
            $lines -match '^Timestamp\s+Identity\s+EventType' | Should -HaveCount 1 -Because "$_ has the event table at $width columns"
            $lines -match "^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s+example\.com\s+$_\b" | Should -HaveCount 1
        }
        (Show $evt List) -match "^EventType\s+: $_$" | Should -HaveCount 1
    }
}

Describe 'Get-SesEventSummary''s view' {
    BeforeAll {
        $days = @(Get-SesEventSummary $store @range)
        $total = @(Get-SesEventSummary $store @range -Total -Identity example.com)
    }

    It 'shows every column, rates as percentages with two decimals, in a table 120 wide' {
        $lines = Show $days Table 120

        $lines -match '^Day\s+Identity\s+Sends\s+Deliveries\s+Bounces\s+Complaints\s+BounceRate\s+ComplaintRate\s+Status\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08 example\.com\s+300\s+0\s+7\s+0\s+2\.33%\s+0\.00%\s+Healthy\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-09 mail\.example\.org\s+0\s+0\s+1\s+0\s+NoSends\s*$' | Should -HaveCount 1
    }

    It 'shows the range as the Day of a -Total row' {
        $lines = Show $total Table 120

        $lines -match '^2024-03-08\.\.2024-03-09 example\.com\s+300\s+0\s+7\s+0\s+2\.33%\s+0\.00%\s+Healthy\s*$' | Should -HaveCount 1
    }

    It 'shows Day, Identity and the counts in a table 80 wide' {
        foreach ($rows in $days, $total) {
            $lines = Show $rows Table 80
            $lines -match '^Day\s+Identity\s+Sends\s+Deliveries\s+Bounces\s+Complaints' | Should -HaveCount 1
            $lines -match '^2024-03-08(\.\.2024-03-09)? example\.com\s+300\s+0\s+7\s+0\b' | Should -HaveCount 1
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        }
    }

    It 'shows every count, the rates and the status in a list' {
        $lines = Show $days[0] List

        foreach ($property in 'Identity', 'Day', 'From', 'To', 'Sends', 'SentRecipients', 'Deliveries', 'Bounces', 'HardBounces',
            'SoftBounces', 'HardBouncedRecipients', 'Complaints', 'ComplainedRecipients', 'Rejects', 'Opens', 'Clicks',
            'DeliveryDelays', 'RenderingFailures', 'Subscriptions', 'BounceRate', 'ComplaintRate', 'Status') {
            $lines -match "^$property\s+:" | Should -HaveCount 1 -Because "the list shows $property"
        }
        $lines -match '^Status\s+: Healthy$' | Should -HaveCount 1
        $lines -match '^HardBouncedRecipients\s+: 7$' | Should -HaveCount 1
    }
}
