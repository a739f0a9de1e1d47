# Get-SesEvent -Recipient / -MessageId: one recipient's or one message's story, in time order across identities and
# days (not partition order), from a store and through Athena, with the identity and day pruning still applied.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $null = Initialize-FakeAwsTest

    # bob@example.net hears from two identities over two days. A partition-order read would give day 1 of a.example,
    # day 1 of b.example, then day 2; the story interleaves them. The Delivery of m1 lies in day 2's partition (it
    # arrived after midnight) although it belongs to day 1's message.
    $store = New-TestFolder story
    $d1 = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $d2 = $d1.AddDays(1)
    function New-StoryRecord([string] $Type, [string] $Identity, [string] $Recipient, [string] $MessageId, [datetime] $At, [Collections.IDictionary] $Detail) {
        $record = New-SesTestRecord $Type $Identity $Recipient -Timestamp $At -Detail $Detail | ConvertFrom-Json -AsHashtable -DateKind String
        $record.mail.messageId = $MessageId
        $record | ConvertTo-Json -Depth 10 -Compress
    }
    $at = { param($day, $h, $m) $day.AddHours($h).AddMinutes($m) }
    $stamp = { param($t) $t.ToString('yyyy-MM-ddTHH:mm:ss.fffZ') }
    $story = @(
        @{ Type = 'Send'; Identity = 'b.example'; Day = $d1; Id = 'm0'; At = (& $at $d1 8 0) }
        @{ Type = 'Send'; Identity = 'a.example'; Day = $d1; Id = 'm1'; At = (& $at $d1 23 59) }
        @{ Type = 'Delivery'; Identity = 'a.example'; Day = $d2; Id = 'm1'; At = (& $at $d2 0 1) }
        @{ Type = 'Open'; Identity = 'b.example'; Day = $d1; Id = 'm0'; At = (& $at $d1 9 30) }
        @{ Type = 'Bounce'; Identity = 'b.example'; Day = $d2; Id = 'm2'; At = (& $at $d2 0 0) }
        @{ Type = 'Click'; Identity = 'a.example'; Day = $d2; Id = 'm1'; At = (& $at $d2 7 0) }
    )
    foreach ($e in $story) {
        $detail = switch ($e.Type) {
            'Delivery' { [ordered]@{ timestamp = & $stamp $e.At; processingTimeMillis = 120000; recipients = @('bob@example.net'); smtpResponse = '250 ok' } }
            'Open' { [ordered]@{ timestamp = & $stamp $e.At; ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0' } }
            'Click' { [ordered]@{ timestamp = & $stamp $e.At; ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0'; link = 'https://example.com/'; linkTags = @{} } }
            'Bounce' {
                [ordered]@{
                    bounceType = 'Permanent'; bounceSubType = 'General'; timestamp = & $stamp $e.At; feedbackId = 'f'
                    bouncedRecipients = @([ordered]@{ emailAddress = 'BOB@example.net'; action = 'failed'; status = '5.1.1'; diagnosticCode = 'smtp; 550 5.1.1 user unknown' })
                }
            }
            default { $null }
        }
        $sendAt = if ($e.Type -eq 'Send') { $e.At } else { (& $at $d1 23 59) }
        $e.Line = New-StoryRecord $e.Type $e.Identity 'bob@example.net' $e.Id $sendAt $detail
        Add-StoreObject $store $e.Identity $e.Type $e.Day @($e.Line) | Out-Null
    }
    # Someone else's mail, which the story leaves out.
    Add-StoreObject $store a.example Send $d1 @(New-StoryRecord Send a.example alice@example.org m9 (& $at $d1 12 0) $null) | Out-Null
    $expected = @($story | Sort-Object { $_.At } | ForEach-Object { "$($_.At.ToString('MM-dd HH:mm')) $($_.Type) $($_.Identity)" })
    $describe = { process { "$($_.Timestamp.ToString('MM-dd HH:mm')) $($_.EventType) $($_.Identity)" } }
}

AfterAll { Remove-TestFolder $store }

Describe 'One recipient''s or message''s story' {
    It '-Recipient returns every event about the address, of every type and identity, in time order' {
        $events = @(Get-SesEvent $store -Recipient bob@example.net -From 2024-03-08 -To 2024-03-09)

        @($events | & $describe) | Should -Be $expected
        $events.MessageId | Should -Not -Contain 'm9'
    }

    It '-Recipient takes a wildcard pattern and matches the bounced recipient without case' {
        @(Get-SesEvent $store -Recipient 'bob@*' -From 2024-03-08 -To 2024-03-09 | & $describe) | Should -Be $expected
    }

    It '-MessageId returns the message''s events in time order, across the day boundary' {
        @(Get-SesEvent $store -MessageId m1 -From 2024-03-08 -To 2024-03-09 | & $describe) |
            Should -Be @('03-08 23:59 Send a.example', '03-09 00:01 Delivery a.example', '03-09 07:00 Click a.example')
    }

    It 'still reads only the days of the range and the identities asked for' {
        @(Get-SesEvent $store -MessageId m1 -From 2024-03-08 -To 2024-03-08 | & $describe) | Should -Be @('03-08 23:59 Send a.example')
        @(Get-SesEvent $store -Recipient bob@example.net -Identity b.example -From 2024-03-08 -To 2024-03-09).Identity |
            Select-Object -Unique | Should -Be 'b.example'
    }

    It 'a listing without -Recipient or -MessageId keeps partition order (day, then identity)' {
        $all = @(Get-SesEvent $store -From 2024-03-08 -To 2024-03-09)
        ($all | ForEach-Object { "$($_.Identity)" })[0..2] | Should -Be @('a.example', 'a.example', 'b.example')
    }

    It 'Athena''s lines, in partition order, come out in the same time order, equal to the store''s' {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
        try {
            $local = @(Get-SesEvent $store -Recipient bob@example.net -From 2024-03-08 -To 2024-03-09)
            $partitionOrder = @($story | Sort-Object { $_.Day }, { $_.Identity }, { $_.At })
            Set-AthenaResult $fake Event -Row @($partitionOrder | ForEach-Object { ConvertTo-EventRow $_.Line $_.Identity $_.Day })
            $cloud = @(Get-SesEvent -WorkGroup ses-analytics -Database sesanalytics -Table events -Identity a.example, b.example `
                    -Recipient bob@example.net -From 2024-03-08 -To 2024-03-09 @aws)

            @($cloud | & $describe) | Should -Be $expected
            ($cloud | ConvertTo-ComparableText -Property Timestamp, EventType, Identity, MessageId, Json) |
                Should -Be ($local | ConvertTo-ComparableText -Property Timestamp, EventType, Identity, MessageId, Json)
        }
        finally { $fake.Dispose() }
    }
}
