# The format views of the offline query outputs (Get-SesBounce, Get-SesEvent, Get-SesEventSummary), rendered as a user
# sees them: Format-Table at 80 and 120 columns (the same fixed-width columns, which fit an 80-column CI log), and
# Format-List, which shows the long fields.

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

    It 'shows the key columns in a table 120 wide' {
        $lines = Show $bounces Table 120

        $lines -match '^Day\s+Identity\s+EmailAddress\s+Type\s+SubType\s+Status\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08 example\.com\s+b0@example\.net\s+Permanent\s+General\s+5\.1\.1\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-09 mail\.example\.org\s+bounce@simulator\.am…\s+Permanent' | Should -HaveCount 1
    }

    It 'shows Day, Identity, EmailAddress and BounceType in a table 80 wide' {
        $lines = Show $bounces Table 80

        $lines -match '^Day\s+Identity\s+EmailAddress\s+Type' | Should -HaveCount 1
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

    It 'shows Timestamp, EventType, Identity, Recipient and the whole MessageId, wrapped, in a table <_> wide' -ForEach 80, 120 {
        $lines = Show $events Table $_

        $lines -match '^Timestamp\s+EventType\s+Identity\s+Recipient\s+MessageId\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08\s+Send\s+example\.com\s+r0@example\.\s+message-r0@example\.net\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-08\s+Bounce\s+example\.com\s+b0@example\.\s+message-b0@example\.net\s*$' | Should -HaveCount 1
        $lines -match '^ 17:14:29\s+net\s*$' | Should -HaveCount 2
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows the event and its own object in one line each in a list, not the JSON' {
        $lines = Show ($events | Where-Object EventType -eq 'Bounce') List

        $lines -match '^EventType\s+: Bounce$' | Should -HaveCount 1
        $lines -match '^Identity\s+: example\.com$' | Should -HaveCount 1
        $lines -match '^MessageId\s+: message-b0@example\.net$' | Should -HaveCount 1
        $lines -match '^Recipients\s+: b0@example\.net$' | Should -HaveCount 1
        $lines -match '^Detail\s+: Permanent/General: b0@example\.net 5\.1\.1 smtp; 550 5\.1\.1 user unknown$' | Should -HaveCount 1
        $lines -match '"eventType"' | Should -HaveCount 0
        foreach ($property in 'Timestamp', 'Subject', 'Source', 'ConfigurationSet', 'Tags') {
            $lines -match "^$property\s+: \S" | Should -HaveCount 1 -Because "the list shows $property"
        }
    }

    It 'renders AWS''s <_> example with the event table' -ForEach $eventTypes {
        if ($fixtureSkip) { Set-ItResult -Skipped -Because $fixtureSkip; return }
        $evt = Get-SesEvent $fixtures $_ -From 2016-01-01 -To 2022-12-31

        foreach ($width in 80, 120) {
            $lines = Show $evt Table $width
            $lines -match '^Timestamp\s+EventType\s+Identity\s+Recipient\s+MessageId' | Should -HaveCount 1 -Because "$_ has the event table at $width columns"
            $name = $_ -eq 'RenderingFailure' ? 'Rendering' : $_
            $lines -match "^\d{4}-\d\d-\d\d\s+$name\s+example\.com" | Should -HaveCount 1
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        }
        $listed = $_ -eq 'RenderingFailure' ? 'Rendering Failure' : $_
        (Show $evt List) -match "^EventType\s+: $listed$" | Should -HaveCount 1
    }
}

Describe 'Get-SesEventSummary''s view' {
    BeforeAll {
        $days = @(Get-SesEventSummary $store @range)
        $total = @(Get-SesEventSummary $store @range -Total -Identity example.com)
    }

    It 'shows the counts, rates as percentages with two decimals and the status in a table <_> wide' -ForEach 80, 120 {
        $lines = Show $days Table $_

        $lines -match '^Day\s+Group\s+Sent\s+Bounced\s+Compl\.\s+Bounce%\s+Compl%\s+Status\s*$' | Should -HaveCount 1
        # 300 sent recipients judge the bounce rate (at least 200) but not the complaint rate (fewer than 1,000).
        $lines -match '^2024-03-08\s+example\.com\s+300\s+7\s+0\s+2\.33%\s+0\.00%\s+LowVolume\s*$' | Should -HaveCount 1
        $lines -match '^2024-03-09\s+mail\.example\.org\s+0\s+1\s+0\s+NoSends\s*$' | Should -HaveCount 1
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
    }

    It 'shows the range as the Day of a -Total row' {
        $lines = Show $total Table 80

        $lines -match '^03-08\.\.03-09\s+example\.com\s+300\s+7\s+0\s+2\.33%\s+0\.00%\s+LowVolume\s*$' | Should -HaveCount 1
    }

    It 'shows every count, the rates and the status in a list' {
        $lines = Show $days[0] List

        foreach ($property in 'Group', 'Identity', 'ConfigurationSet', 'RecipientDomain', 'FromDomain', 'Tag', 'Day', 'From', 'To', 'Sends', 'SentRecipients', 'Deliveries', 'Bounces', 'HardBounces',
            'SoftBounces', 'HardBouncedRecipients', 'Complaints', 'ComplainedRecipients', 'Rejects', 'Opens', 'Clicks',
            'DeliveryDelays', 'RenderingFailures', 'Subscriptions', 'BounceRate', 'ComplaintRate', 'Status', 'PreviousSentRecipients',
            'PreviousBounceRate', 'PreviousComplaintRate', 'BounceRateChange', 'ComplaintRateChange', 'PreviousStatus') {
            $lines -match "^$property\s+:" | Should -HaveCount 1 -Because "the list shows $property"
        }
        $lines -match '^Status\s+: LowVolume$' | Should -HaveCount 1
        $lines -match '^HardBouncedRecipients\s+: 7$' | Should -HaveCount 1
    }
}
