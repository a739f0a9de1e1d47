# Get-SesBounce -Path: bounced recipients from a local store, with DuckDB, as a user types it. The cloud sets are in
# Get-SesBounce.Cloud.Tests.ps1.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    Import-SesAnalyticsModule

    # example.com on 2024-03-08: two hard bounces and a soft one; mail.example.org on 2024-03-09: SES's bounce simulator.
    $store = New-TestFolder bounces
    $day = [datetime]'2024-03-08'
    Add-StoreObject $store example.com Bounce $day @(
        New-SesTestRecord Bounce example.com recipient1@example.net
        New-SesTestRecord Bounce example.com recipient2@example.net -BounceType Transient
        New-SesTestRecord Bounce example.com other@example.net
    ) | Out-Null
    Add-StoreObject $store mail.example.org Bounce $day.AddDays(1) @(New-SesTestRecord Bounce mail.example.org bounce@simulator.amazonses.com) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesBounce -Path' {
    It 'returns one object per bounced recipient, by day then identity, with the article''s columns' {
        $bounces = @(Get-SesBounce -Path $store -From 2024-03-08 -To 2024-03-09)

        $bounces.Count | Should -Be 4
        $bounces | ForEach-Object { "$($_.Day.ToString('yyyy-MM-dd')) $($_.Identity)" } | Select-Object -Unique |
            Should -Be @('2024-03-08 example.com', '2024-03-09 mail.example.org')
        $first = $bounces[0]
        $first.SendTime.ToString('yyyy-MM-dd HH:mm:ss.fff') | Should -Be '2024-03-08 17:14:29.000'
        $first.ConfigurationSet | Should -Be 'default-1'
        $first.Subject | Should -Be 'test'
        $first.Source | Should -Be 'sender@example.com'
        $first.DiagnosticCode | Should -Be 'smtp; 550 5.1.1 user unknown'
        $first.Status | Should -Be '5.1.1'
        $first.Action | Should -Be 'failed'
        $first.MessageId | Should -Be "message-$($first.EmailAddress)"
        $bounces[3].EmailAddress | Should -Be 'bounce@simulator.amazonses.com'
    }

    It 'reads AWS''s documented Bounce record with every column' {
        if ($reason = Get-SharedSkipReason) { Set-ItResult -Skipped -Because $reason; return }
        $fixtures = New-TestFolder bounce-fixture
        try {
            $bounce = Add-FixtureStore $fixtures | Where-Object EventType -eq 'Bounce'

            $row = Get-SesBounce $fixtures -From 2016-01-01 -To 2022-12-31

            $row.Day.ToString('yyyy-MM-dd') | Should -Be $bounce.Day
            $row.Identity | Should -Be 'example.com'
            $row.MessageId | Should -Be $bounce.Record.mail.messageId
            $row.SendTime.ToString('yyyy-MM-dd HH:mm:ss.fff') | Should -Be '2017-08-05 00:40:02.012'
            $row.BounceTime.ToString('yyyy-MM-dd HH:mm:ss.fff') | Should -Be '2017-08-05 00:41:02.669'
            $row.Source | Should -Be 'Sender Name <sender@example.com>'
            $row.SendingAccountId | Should -Be '123456789012'
            $row.Subject | Should -Be 'Message sent from Amazon SES'
            $row.ConfigurationSet | Should -Be 'ConfigSet'
            $row.SourceIp | Should -Be '192.0.2.0'
            $row.FromDomain | Should -Be 'example.com'
            $row.BounceType | Should -Be 'Permanent'
            $row.BounceSubType | Should -Be 'General'
            $row.FeedbackId | Should -Be $bounce.Record.bounce.feedbackId
            $row.ReportingMta | Should -Be 'dsn; mta.example.com'
            $row.EmailAddress | Should -Be 'recipient@example.com'
            $row.Action | Should -Be 'failed'
            $row.Status | Should -Be '5.1.1'
            $row.DiagnosticCode | Should -Be 'smtp; 550 5.1.1 user unknown'
        }
        finally { Remove-TestFolder $fixtures }
    }

    It 'returns one object per recipient of a bounce to several recipients' {
        $multi = New-TestFolder bounce-multi
        try {
            $detail = [ordered]@{
                bounceType = 'Transient'; bounceSubType = 'MailboxFull'; timestamp = '2024-03-08T17:15:00.000Z'; feedbackId = 'f-1'
                bouncedRecipients = @(
                    [ordered]@{ emailAddress = 'full@example.net'; action = 'delayed'; status = '4.2.2'; diagnosticCode = 'smtp; 452 4.2.2 mailbox full' }
                    [ordered]@{ emailAddress = 'gone@example.net'; action = 'failed'; status = '5.1.1'; diagnosticCode = 'smtp; 550 5.1.1 unknown' }
                )
            }
            Add-StoreObject $multi example.com Bounce $day @(New-SesTestRecord Bounce example.com full@example.net -Detail $detail) | Out-Null

            $rows = @(Get-SesBounce $multi -From 2024-03-08 -To 2024-03-08)

            $rows.EmailAddress | Should -Be @('full@example.net', 'gone@example.net')
            $rows.Status | Should -Be @('4.2.2', '5.1.1')
            $rows.MessageId | Select-Object -Unique | Should -Be 'message-full@example.net'
            $rows.BounceSubType | Select-Object -Unique | Should -Be 'MailboxFull'
        }
        finally { Remove-TestFolder $multi }
    }

    Context 'filters' {
        It '-Identity takes wildcards and ignores case' {
            (Get-SesBounce $store @range -Identity '*.org').Identity | Should -Be 'mail.example.org'
            @(Get-SesBounce $store @range -Identity 'EXAMPLE.COM').Count | Should -Be 3
            @(Get-SesBounce $store @range -Identity 'example.com', '*.org').Count | Should -Be 4
            Get-SesBounce $store @range -Identity 'nobody.example' | Should -BeNullOrEmpty
        }

        It '-BounceType keeps the bounces of the given types' {
            (Get-SesBounce $store @range -BounceType Permanent).EmailAddress | Sort-Object |
                Should -Be @('bounce@simulator.amazonses.com', 'other@example.net', 'recipient1@example.net')
            (Get-SesBounce $store @range -BounceType Transient, Undetermined).EmailAddress | Should -Be 'recipient2@example.net'
        }

        It 'rejects an unknown -BounceType before reading anything' {
            { Get-SesBounce $store -BounceType Soft } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SesAnalytics.Cmdlets.Commands.GetSesBounceCommand'
        }

        It '-Recipient takes wildcards and ignores case' {
            (Get-SesBounce $store @range -Recipient 'recip*').EmailAddress | Sort-Object | Should -Be @('recipient1@example.net', 'recipient2@example.net')
            (Get-SesBounce $store @range -Recipient 'BOUNCE@SIMULATOR*').EmailAddress | Should -Be 'bounce@simulator.amazonses.com'
        }

        It 'takes a [ ] range in -Recipient as -like does (one wildcard rule, issue #11 item 11)' {
            (Get-SesBounce $store @range -Recipient '[b]*').EmailAddress | Should -Be 'bounce@simulator.amazonses.com'
            (Get-SesBounce $store @range -Recipient 'recipient[12]@*').EmailAddress | Sort-Object | Should -Be @('recipient1@example.net', 'recipient2@example.net')
        }

        It '-From and -To bound the days read, both inclusive' {
            (Get-SesBounce $store -From 2024-03-09 -To 2024-03-09).Identity | Should -Be 'mail.example.org'
            @(Get-SesBounce $store -From 2024-03-08 -To 2024-03-08).Count | Should -Be 3
            Get-SesBounce $store -From 2024-03-10 -To 2024-03-31 | Should -BeNullOrEmpty
        }
    }

    Context 'pipeline input' {
        It 'binds a piped store by the property name Path or Destination' {
            @([pscustomobject]@{ Destination = $store } | Get-SesBounce @range).Count | Should -Be 4
            @([pscustomobject]@{ Path = $store } | Get-SesBounce @range).Count | Should -Be 4
        }

        It 'reads each piped store' {
            $other = New-TestFolder bounce-other
            try {
                Add-StoreObject $other example.com Bounce $day @(New-SesTestRecord Bounce example.com elsewhere@example.net) | Out-Null

                $rows = @([pscustomobject]@{ Path = $store }, [pscustomobject]@{ Path = $other } | Get-SesBounce @range)

                $rows.Count | Should -Be 5
                $rows[-1].EmailAddress | Should -Be 'elsewhere@example.net'
            }
            finally { Remove-TestFolder $other }
        }

        It 'binds the summary of Import-SesEvent' {
            $imported = New-TestFolder bounce-import
            try {
                $rows = @(New-SesTestRecord Bounce example.com imported@example.net | Import-SesEvent -Destination $imported |
                    Get-SesBounce -From 2024-03-08 -To 2024-03-08)

                $rows.EmailAddress | Should -Be 'imported@example.net'
            }
            finally { Remove-TestFolder $imported }
        }

        It 'resolves a relative -Path against the current location' {
            Push-Location (Split-Path $store)
            try { @(Get-SesBounce (Join-Path . (Split-Path $store -Leaf)) @range).Count | Should -Be 4 }
            finally { Pop-Location }
        }
    }

    Context 'quotes and SQL in values' {
        BeforeAll {
            $odd = Join-Path (New-TestFolder bounce-odd) "it's [a]; DROP TABLE x; -- store"
            Add-StoreObject $odd "o'brien.example" Bounce $day @(
                New-SesTestRecord Bounce "o'brien.example" "o'neil@example.net"
                New-SesTestRecord Bounce "o'brien.example" 'a_b@example.net'
                New-SesTestRecord Bounce "o'brien.example" 'axb@example.net'
                New-SesTestRecord Bounce "o'brien.example" '100%@example.net'
            ) | Out-Null
        }
        AfterAll { Remove-TestFolder (Split-Path $odd) }

        It 'reads a store whose path and identity hold quotes, brackets and SQL text' {
            $rows = @(Get-SesBounce -Path $odd -From 2024-03-08 -To 2024-03-08 -Identity "o'brien*")

            $rows.Count | Should -Be 4
            $rows.Identity | Select-Object -Unique | Should -Be "o'brien.example"
        }

        It 'matches a recipient with a quote, and an injection attempt matches nothing' {
            (Get-SesBounce $odd -From 2024-03-08 -To 2024-03-08 -Recipient "O'NEIL*").EmailAddress | Should -Be "o'neil@example.net"
            Get-SesBounce $odd -From 2024-03-08 -To 2024-03-08 -Recipient "x' OR 1=1 --" | Should -BeNullOrEmpty
            Get-SesBounce $store @range -Recipient "x' OR 1=1 --" | Should -BeNullOrEmpty
        }

        It 'takes % and _ in -Recipient literally, not as LIKE wildcards' {
            (Get-SesBounce $odd -From 2024-03-08 -To 2024-03-08 -Recipient 'a_b@*').EmailAddress | Should -Be 'a_b@example.net'
            (Get-SesBounce $odd -From 2024-03-08 -To 2024-03-08 -Recipient '100%@*').EmailAddress | Should -Be '100%@example.net'
            Get-SesBounce $odd -From 2024-03-08 -To 2024-03-08 -Recipient '%@example.net' | Should -BeNullOrEmpty
        }

        # DuckDB expands * ? and [ ] in the paths it is given: unescaped, 's?ore' also read the object of the same name
        # in 'sXore', and 'b[xy]' read 'bx' instead of itself.
        It 'reads only its own store when the store''s path holds glob characters' {
            $root = New-TestFolder bounce-glob
            try {
                foreach ($name in 's?ore', 'sXore', 'b[xy]', 'bx') {
                    Add-StoreObject (Join-Path $root $name) example.com Bounce $day @(New-SesTestRecord Bounce example.com "$name@example.net") -Name same.gz | Out-Null
                }

                (Get-SesBounce (Join-Path $root 's?ore') -From 2024-03-08 -To 2024-03-08).EmailAddress | Should -Be 's?ore@example.net'
                (Get-SesBounce (Join-Path $root 'b[xy]') -From 2024-03-08 -To 2024-03-08).EmailAddress | Should -Be 'b[xy]@example.net'
            }
            finally { Remove-TestFolder $root }
        }
    }

    Context 'a damaged store' {
        BeforeAll {
            $damaged = New-TestFolder bounce-damaged
            $notJson = Add-StoreObject $damaged example.com Bounce $day @(
                New-SesTestRecord Bounce example.com before@example.net
                'this is not json'
                New-SesTestRecord Bounce example.com after@example.net
            ) -Name lines.gz
            Add-StoreObject $damaged example.com Bounce $day @(New-SesTestRecord Bounce example.com good@example.net) -Name good.gz | Out-Null
            $notGzip = Join-Path (Split-Path $notJson) 'not-gzip.gz'
            Set-Content -LiteralPath $notGzip -Value 'not gzip at all'
            Add-StoreObject $damaged example.com Bounce $day.AddDays(1) @(New-SesTestRecord Bounce example.com next-day@example.net) | Out-Null

            $rows = @(Get-SesBounce $damaged @range -WarningVariable warnings -ErrorVariable errors -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)
        }
        AfterAll { Remove-TestFolder $damaged }

        It 'returns every other bounce' {
            $rows.EmailAddress | Sort-Object | Should -Be @('after@example.net', 'before@example.net', 'good@example.net', 'next-day@example.net')
        }

        It 'skips a line that is not JSON with a warning naming its object' {
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "*'$notJson'*not valid SES event JSON*skipped*"
        }

        It 'reports an object that is not GZIP as its own error, naming it' {
            $errors.Count | Should -Be 1
            Assert-QueryError $errors[0] -Id EventObjectUnreadable -Command Get-SesBounce -Category InvalidData -Target $notGzip `
                -MessageLike "The object '$notGzip' cannot be read as GZIP JSON lines*Replace it with a good copy*"
        }
    }

    Context 'the store itself' {
        It 'stops with StoreNotFound on a store that does not exist' {
            $missing = Join-Path $store 'missing'
            $err = $null
            # The AWS parameters are no longer part of the -Path set (issue 11, item 11), so none is passed here.
            $rows = try { Get-SesBounce -Path $missing @range } catch { $err = $_ }

            $rows | Should -BeNullOrEmpty
            Assert-QueryError $err -Id StoreNotFound -Command Get-SesBounce -Category ObjectNotFound -Target $missing `
                -MessageLike "The event store '$missing' does not exist. Create it with Import-SesEvent*"
            ($err | Out-String) | Should -Not -Match 'offlineSecretNeverShown'
        }

        It 'returns nothing, with no error or warning, from an empty store' {
            $empty = New-EmptyStore bounce-empty
            try {
                $rows = Get-SesBounce $empty @range -WarningVariable warnings -ErrorVariable errors

                $rows | Should -BeNullOrEmpty
                $warnings | Should -BeNullOrEmpty
                $errors | Should -BeNullOrEmpty
            }
            finally { Remove-TestFolder $empty }
        }
    }

    Context 'streaming and stopping' {
        It 'writes the first bounce while a later partition is still being read' {
            $slow = New-TestFolder bounce-stream
            try {
                Add-StoreObject $slow example.com Bounce $day @(New-SesTestRecord Bounce example.com first@example.net) | Out-Null
                Add-RepeatedStoreObject $slow example.com Bounce $day.AddDays(1) (New-SesTestRecord Bounce example.com r@example.net) 2000000 | Out-Null

                $stream = Get-FirstStreamedObject 'Get-SesBounce $slow -From 2024-03-08 -To 2024-03-09' @{ slow = $slow }

                $stream.First.EmailAddress | Should -Be 'first@example.net'
                $stream.StillRunning | Should -BeTrue -Because 'the first day''s bounce is written before the next day''s two million are read'
            }
            finally { Remove-TestFolder $slow }
        }

        It 'stops a long query promptly, as Ctrl+C does' {
            $big = New-TestFolder bounce-big
            try {
                $line = '{"bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"r@x.test"}]}}'
                Add-RepeatedStoreObject $big big.example Bounce $day $line 1000000 | Out-Null
                $run = Start-ModuleScript 'Get-SesBounce $big -From 2024-03-08 -To 2024-03-08 -Identity big.example -Verbose | Measure-Object' @{ big = $big }
                try {
                    # The verbose message that counts the partitions is written just before the query starts.
                    Wait-Condition { $run.Shell.Streams.Verbose.Count -gt 0 -or $run.Handle.IsCompleted } -Because 'the query to start'
                    $run.Handle.IsCompleted | Should -BeFalse -Because 'a million bounces take seconds to read'

                    $stopping = [Diagnostics.Stopwatch]::StartNew()
                    $run.Shell.Stop()
                    $stopping.Stop()

                    $stopping.Elapsed.TotalSeconds | Should -BeLessThan 3
                    $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
                    $run.Output | Should -BeNullOrEmpty
                }
                finally { $run.Shell.Dispose() }
            }
            finally { Remove-TestFolder $big }
        }
    }
}
