# Get-SesEvent -Path: typed events of the ten SES event types from a local store, with DuckDB, as a user types it. The
# cloud sets are in Get-SesEvent.Cloud.Tests.ps1.

BeforeDiscovery {
    # AWS's example record of each type and a value of the type's own object a user would read (../shared).
    $fixtureTypes = @(
        @{ EventType = 'Send'; Detail = 'Send'; Field = $null; Expected = $null }
        @{ EventType = 'Reject'; Detail = 'Reject'; Field = 'Reason'; Expected = 'Bad content' }
        @{ EventType = 'Bounce'; Detail = 'Bounce'; Field = 'BounceType'; Expected = 'Permanent' }
        @{ EventType = 'Complaint'; Detail = 'Complaint'; Field = 'ComplaintFeedbackType'; Expected = 'abuse' }
        @{ EventType = 'Delivery'; Detail = 'Delivery'; Field = 'SmtpResponse'; Expected = '250 2.6.0 Message received' }
        @{ EventType = 'Open'; Detail = 'Open'; Field = 'IpAddress'; Expected = '192.0.2.1' }
        @{ EventType = 'Click'; Detail = 'Click'; Field = 'Link'; Expected = 'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html' }
        @{ EventType = 'RenderingFailure'; Detail = 'Failure'; Field = 'TemplateName'; Expected = 'MyTemplate' }
        @{ EventType = 'DeliveryDelay'; Detail = 'DeliveryDelay'; Field = 'DelayType'; Expected = 'TransientCommunicationFailure' }
        @{ EventType = 'Subscription'; Detail = 'Subscription'; Field = 'ContactList'; Expected = 'ContactListName' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    Import-SesAnalyticsModule

    # The offline round trip: sample events of two identities over three pinned days, partitioned into a store.
    $store = New-TestFolder events
    $samples = New-SesSampleEvent -Count 400 -Seed 11 -StartDate 2024-03-01 -Days 3 -Identity example.com, alerts@example.net
    $imported = $samples | Import-SesEvent -Destination $store
    $range = @{ From = '2024-03-01'; To = '2024-03-10' }
    $day = [datetime]'2024-03-08'

    $fixtureSkip = Get-SharedSkipReason
    $fixtures = New-TestFolder events-fixtures
    $fixtureRecords = if (-not $fixtureSkip) { @(Add-FixtureStore $fixtures) }
    $fixtureRange = @{ From = '2016-01-01'; To = '2022-12-31' }
}

AfterAll { Remove-TestFolder $store, $fixtures }

Describe 'Get-SesEvent -Path' {
    It 'returns every imported event, typed, under its identity' {
        $read = @(Get-SesEvent -Path $store @range)

        $read.Count | Should -Be $samples.Count
        $key = { '{0} {1} {2} {3:yyyy-MM-dd HH:mm:ss.fff}' -f $_.Identity, $_.MessageId, $_.EventType, $_.Timestamp }
        Compare-Object @($samples | ForEach-Object $key) @($read | ForEach-Object $key) | Should -BeNullOrEmpty
    }

    It 'returns events by day then identity, and in the order they happened within each' {
        $read = @(Get-SesEvent $store @range)

        $partitions = $read | ForEach-Object { "$($_.Timestamp.ToString('yyyy-MM-dd')) $($_.Identity)" }
        ($partitions | Select-Object -Unique) | Should -Be @(
            '2024-03-01 alerts@example.net', '2024-03-01 example.com', '2024-03-02 alerts@example.net',
            '2024-03-02 example.com', '2024-03-03 alerts@example.net', '2024-03-03 example.com')
        foreach ($group in $read | Group-Object { "$($_.Timestamp.ToString('yyyy-MM-dd')) $($_.Identity)" }) {
            $times = @($group.Group | ForEach-Object { $_.Timestamp.ToString('o') })
            $times | Should -Be @($times | Sort-Object) -Because "$($group.Name) is in time order"
        }
    }

    It 'types AWS''s <EventType> example with its own <Detail> object' -ForEach $fixtureTypes {
        if ($fixtureSkip) { Set-ItResult -Skipped -Because $fixtureSkip; return }
        $fixture = $fixtureRecords | Where-Object EventType -eq $EventType

        $evt = Get-SesEvent $fixtures $EventType @fixtureRange

        @($evt).Count | Should -Be 1
        "$($evt.EventType)" | Should -Be $EventType
        $evt.Identity | Should -Be 'example.com'
        $evt.MessageId | Should -Be $fixture.Record.mail.messageId
        $evt.Timestamp.ToString('yyyy-MM-dd') | Should -Be $fixture.Day
        $evt.Mail.SendingAccountId | Should -Be '123456789012'
        $evt.Recipients | Should -Not -BeNullOrEmpty
        $evt.$Detail | Should -Not -BeNullOrEmpty
        if ($Field) { $evt.$Detail.$Field | Should -Be $Expected }
        $evt.Json | ConvertFrom-Json -DateKind String | ConvertTo-Json -Depth 20 -Compress |
            Should -Be ($fixture.Record | ConvertTo-Json -Depth 20 -Compress)
    }

    It 'reads all ten of AWS''s examples at once, by day, each a SesEvent' {
        if ($fixtureSkip) { Set-ItResult -Skipped -Because $fixtureSkip; return }

        $events = @(Get-SesEvent $fixtures @fixtureRange)

        $events.Count | Should -Be 10
        $events | ForEach-Object { $_.PSObject.TypeNames | Should -Contain 'SesAnalytics.SesEvent' }
        ($events | ForEach-Object { $_.Timestamp.ToString('yyyy-MM-dd') }) | Should -Be @($fixtureRecords.Day | Sort-Object)
        @(Get-SesEvent $fixtures Delivery, Click, Open @fixtureRange).EventType | Should -Be @('Delivery', 'Open', 'Click')
    }

    Context 'filters' {
        It '-EventType, -Identity and -Recipient keep what they name' {
            $bounces = @(Get-SesEvent $store Bounce @range -Identity 'alerts@*')
            $expected = @($samples | Where-Object { "$($_.EventType)" -eq 'Bounce' -and $_.Identity -eq 'alerts@example.net' })

            $bounces.Count | Should -Be $expected.Count
            $bounces.Count | Should -BeGreaterThan 0
            $bounces | Where-Object { "$($_.EventType)" -ne 'Bounce' -or $_.Identity -ne 'alerts@example.net' } | Should -BeNullOrEmpty

            $recipient = $expected[0].Recipients[0]
            $mine = @(Get-SesEvent $store Bounce @range -Recipient $recipient.ToUpperInvariant())
            $mine.Count | Should -BeGreaterThan 0
            $mine | ForEach-Object { $_.Recipients | Should -Contain $recipient }
        }

        It '-EventType takes several types, and each object carries its type''s detail and its JSON' {
            $events = @(Get-SesEvent $store Delivery, Click @range)

            $events.Count | Should -Be @($samples | Where-Object { "$($_.EventType)" -in 'Delivery', 'Click' }).Count
            foreach ($evt in $events) {
                "$($evt.EventType)" | Should -BeIn @('Delivery', 'Click')
                $evt."$($evt.EventType)" | Should -Not -BeNullOrEmpty
                $evt.Json | Should -Not -BeNullOrEmpty
            }
        }

        It '-From and -To bound the days read, both inclusive' {
            $events = @(Get-SesEvent $store -From 2024-03-02 -To 2024-03-02)

            $events.Count | Should -Be @($samples | Where-Object { $_.Timestamp.ToString('yyyy-MM-dd') -eq '2024-03-02' }).Count
            $events | ForEach-Object { $_.Timestamp.ToString('yyyy-MM-dd') } | Select-Object -Unique | Should -Be '2024-03-02'
            Get-SesEvent $store -From 2024-03-04 -To 2024-03-31 | Should -BeNullOrEmpty
        }

        It '-MessageId returns the events of those messages, in the order they happened' {
            if ($fixtureSkip) { Set-ItResult -Skipped -Because $fixtureSkip; return }

            $story = @(Get-SesEvent $fixtures @fixtureRange -MessageId 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000')

            $story.Count | Should -Be 9
            $story.EventType | Should -Not -Contain 'Subscription'
            $story[0].EventType | Should -Be 'Send'
        }
    }

    Context 'pipeline input' {
        It 'takes the message ids of piped bounces, to tell the rest of each message''s story' {
            $first = @(Get-SesBounce -Path $store @range | Where-Object Identity -eq 'example.com')[0]

            $story = @($first | Get-SesEvent -Path $store @range)

            $story | ForEach-Object { $_.MessageId | Should -Be $first.MessageId }
            "$($story.EventType)" | Should -Match 'Send'
            "$($story.EventType)" | Should -Match 'Bounce'
        }

        It 'binds a piped store by the property name Path or Destination, and Import-SesEvent''s summary' {
            @([pscustomobject]@{ Path = $store } | Get-SesEvent @range).Count | Should -Be $samples.Count
            @([pscustomobject]@{ Destination = $store } | Get-SesEvent @range).Count | Should -Be $samples.Count
            $imported.Destination | Should -Be $store
            @($imported | Get-SesEvent @range).Count | Should -Be $samples.Count
        }

        It 'reads each piped store, and a missing one is that input''s error only' {
            $missing = "$store-missing"

            $events = @([pscustomobject]@{ Path = $missing }, [pscustomobject]@{ Path = $store } |
                Get-SesEvent -EventType Bounce @range -ErrorVariable errors -ErrorAction SilentlyContinue)

            $events.Count | Should -Be @($samples | Where-Object { "$($_.EventType)" -eq 'Bounce' }).Count
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'StoreNotFound,SesAnalytics.Cmdlets.Commands.GetSesEventCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].TargetObject | Should -Be $missing
        }
    }

    Context 'quotes and SQL in values' {
        BeforeAll {
            $odd = Join-Path (New-TestFolder events-odd) "it's [a]; DROP TABLE x; -- store"
            Add-StoreObject $odd "o'brien.example" Send $day @(New-SesTestRecord Send "o'brien.example" "o'neil@example.net") | Out-Null
            Add-StoreObject $odd "o'brien.example" Bounce $day @(New-SesTestRecord Bounce "o'brien.example" "o'neil@example.net") | Out-Null
        }
        AfterAll { Remove-TestFolder (Split-Path $odd) }

        It 'reads a store whose path, identity, recipient and message id hold quotes and brackets' {
            @(Get-SesEvent $odd -From 2024-03-08 -To 2024-03-08 -Identity "o'brien*").Count | Should -Be 2
            @(Get-SesEvent $odd -From 2024-03-08 -To 2024-03-08 -Recipient "O'NEIL@*").Count | Should -Be 2
            (Get-SesEvent $odd -From 2024-03-08 -To 2024-03-08 -MessageId "message-o'neil@example.net").EventType | ForEach-Object { "$_" } | Sort-Object | Should -Be @('Bounce', 'Send')
        }

        It 'finds nothing for message ids that try to inject SQL' {
            Get-SesEvent $odd -From 2024-03-08 -To 2024-03-08 -MessageId "x') OR 1=1 --", "x' OR '1'='1" | Should -BeNullOrEmpty
            Get-SesEvent $store @range -MessageId "' OR 1=1; DROP TABLE events; --" | Should -BeNullOrEmpty
        }
    }

    Context 'a damaged store' {
        It 'skips a line that is not JSON with a warning naming its object, and returns every other event' {
            # issue #11 item 1: today this ends in a terminating error ("Column 'json' value is null").
            $damaged = New-TestFolder events-damaged
            try {
                $notJson = Add-StoreObject $damaged example.com Send $day @(
                    New-SesTestRecord Send example.com before@example.net
                    'this is not json'
                    New-SesTestRecord Send example.com after@example.net
                )
                Add-StoreObject $damaged example.com Bounce $day @(New-SesTestRecord Bounce example.com bounced@example.net) | Out-Null

                $events = @(Get-SesEvent $damaged -From 2024-03-08 -To 2024-03-08 -WarningVariable warnings -WarningAction SilentlyContinue)

                $events.Recipients | Sort-Object | Should -Be @('after@example.net', 'before@example.net', 'bounced@example.net')
                $warnings.Count | Should -Be 1
                $warnings[0].Message | Should -BeLike "*'$notJson'*"
            }
            finally { Remove-TestFolder $damaged }
        }

        It 'reports an object that is not GZIP as its own error, naming it, and returns every other event' {
            $damaged = New-TestFolder events-notgzip
            try {
                $good = Add-StoreObject $damaged example.com Send $day @(New-SesTestRecord Send example.com good@example.net)
                $notGzip = Join-Path (Split-Path $good) 'not-gzip.gz'
                Set-Content -LiteralPath $notGzip -Value 'not gzip at all'
                Add-StoreObject $damaged example.com Send $day.AddDays(1) @(New-SesTestRecord Send example.com next-day@example.net) | Out-Null

                $events = @(Get-SesEvent $damaged -From 2024-03-08 -To 2024-03-09 -ErrorVariable errors -ErrorAction SilentlyContinue)

                $events.Recipients | Should -Be @('good@example.net', 'next-day@example.net')
                $errors.Count | Should -Be 1
                Assert-QueryError $errors[0] -Id EventObjectUnreadable -Command Get-SesEvent -Category InvalidData -Target $notGzip
            }
            finally { Remove-TestFolder $damaged }
        }

        It 'reports a JSON record that is not an SES event as InvalidStoredEvent and returns the others' {
            $damaged = New-TestFolder events-notses
            try {
                Add-StoreObject $damaged example.com Send $day @('{"hello":"world"}', (New-SesTestRecord Send example.com ok@example.net)) | Out-Null

                $events = @(Get-SesEvent $damaged -From 2024-03-08 -To 2024-03-08 -ErrorVariable errors -ErrorAction SilentlyContinue)

                $events.Recipients | Should -Be 'ok@example.net'
                $errors.Count | Should -Be 1
                $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidStoredEvent,SesAnalytics.Cmdlets.Commands.GetSesEventCommand'
                $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
                $errors[0].TargetObject | Should -Be 'example.com'
                $errors[0].Exception.Message | Should -BeLike "*example.com partition of 2024-03-08 is not an SES event*'{`"hello`":`"world`"}'*"
            }
            finally { Remove-TestFolder $damaged }
        }
    }

    Context 'the store itself' {
        It 'stops with StoreNotFound on a store that does not exist' {
            $missing = Join-Path $store 'nowhere'
            $err = $null
            $events = try { Get-SesEvent -Path $missing @range } catch { $err = $_ }

            $events | Should -BeNullOrEmpty
            Assert-QueryError $err -Id StoreNotFound -Command Get-SesEvent -Category ObjectNotFound -Target $missing -MessageLike "The event store '$missing' does not exist.*"
        }

        It 'returns nothing, with no error or warning, from an empty store' {
            $empty = New-EmptyStore events-empty
            try {
                $events = Get-SesEvent $empty @range -WarningVariable warnings -ErrorVariable errors

                $events | Should -BeNullOrEmpty
                $warnings | Should -BeNullOrEmpty
                $errors | Should -BeNullOrEmpty
            }
            finally { Remove-TestFolder $empty }
        }
    }

    It 'writes the first event while a later partition is still being read' {
        $slow = New-TestFolder events-stream
        try {
            Add-StoreObject $slow example.com Send $day @(New-SesTestRecord Send example.com first@example.net) | Out-Null
            Add-RepeatedStoreObject $slow example.com Send $day.AddDays(1) (New-SesTestRecord Send example.com r@example.net) 1000000 | Out-Null

            $stream = Get-FirstStreamedObject 'Get-SesEvent $slow -From 2024-03-08 -To 2024-03-09' @{ slow = $slow }

            $stream.First.Recipients | Should -Be 'first@example.net'
            $stream.StillRunning | Should -BeTrue -Because 'the first day''s event is written before the next day''s million are read'
        }
        finally { Remove-TestFolder $slow }
    }
}
