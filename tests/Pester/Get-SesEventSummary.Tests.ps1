# Get-SesEventSummary -Path: counts and reputation rates per identity and day from a local store, with DuckDB, as a
# user types it. The cloud sets are in Get-SesEventSummary.Cloud.Tests.ps1.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    Import-SesAnalyticsModule

    # Records of one template, one per recipient (quicker than a New-SesTestRecord each).
    function New-Records([string] $EventType, [string] $Identity, [string[]] $Recipient, [string] $BounceType = 'Permanent') {
        $template = New-SesTestRecord $EventType $Identity 'RECIPIENT' -BounceType $BounceType
        $Recipient | ForEach-Object { $template.Replace('RECIPIENT', $_) }
    }

    $store = New-TestFolder summary
    $day = [datetime]'2024-03-08'
    # example.com: 100 sent recipients, 6 permanent bounces (6%: Warning), 1 transient, 98 deliveries.
    Add-StoreObject $store example.com Send $day (New-Records Send example.com (0..99 | ForEach-Object { "r$_@example.net" })) | Out-Null
    Add-StoreObject $store example.com Bounce $day @(
        New-Records Bounce example.com (0..5 | ForEach-Object { "b$_@example.net" })
        New-Records Bounce example.com t@example.net -BounceType Transient
    ) | Out-Null
    Add-StoreObject $store example.com Delivery $day (New-Records Delivery example.com (0..97 | ForEach-Object { "r$_@example.net" })) | Out-Null
    # example.org: 1000 sent recipients, 1 complaint (0.1%: Warning) on the first day; 10 healthy sends the next.
    Add-StoreObject $store example.org Send $day (New-Records Send example.org (0..999 | ForEach-Object { "r$_@example.net" })) | Out-Null
    Add-StoreObject $store example.org Complaint $day @(New-SesTestRecord Complaint example.org r1@example.net) | Out-Null
    Add-StoreObject $store example.org Send $day.AddDays(1) (New-Records Send example.org (0..9 | ForEach-Object { "s$_@example.net" })) | Out-Null
    # quiet.example: only a delivery, no sends.
    Add-StoreObject $store quiet.example Delivery $day @(New-SesTestRecord Delivery quiet.example r@example.net) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEventSummary -Path' {
    It 'summarises each identity and day, by day then identity, with rates and a status' {
        $rows = @(Get-SesEventSummary -Path $store -From 2024-03-08 -To 2024-03-09)

        $rows | ForEach-Object { "$($_.Day.ToString('yyyy-MM-dd')) $($_.Identity)" } |
            Should -Be @('2024-03-08 example.com', '2024-03-08 example.org', '2024-03-08 quiet.example', '2024-03-09 example.org')

        $com = $rows[0]
        $com.Sends | Should -Be 100
        $com.SentRecipients | Should -Be 100
        $com.Deliveries | Should -Be 98
        $com.Bounces | Should -Be 7
        $com.HardBounces | Should -Be 6
        $com.SoftBounces | Should -Be 1
        $com.HardBouncedRecipients | Should -Be 6
        $com.BounceRate | Should -Be 0.06
        $com.ComplaintRate | Should -Be 0
        "$($com.Status)" | Should -Be 'LowVolume' -Because '100 sent recipients are fewer than the 200 a bounce rate is judged at'

        $org = $rows[1]
        $org.Complaints | Should -Be 1
        $org.ComplainedRecipients | Should -Be 1
        $org.ComplaintRate | Should -Be 0.001
        "$($org.Status)" | Should -Be 'Warning'

        $quiet = $rows[2]
        $quiet.Deliveries | Should -Be 1
        $quiet.BounceRate | Should -BeNullOrEmpty
        $quiet.ComplaintRate | Should -BeNullOrEmpty
        "$($quiet.Status)" | Should -Be 'NoSends'

        "$($rows[3].Status)" | Should -Be 'LowVolume'
    }

    It 'judges every rate with the minimum volumes at 0, as before they existed' {
        $rows = @(Get-SesEventSummary -Path $store -From 2024-03-08 -To 2024-03-09 -MinimumBounceVolume 0 -MinimumComplaintVolume 0)

        $rows | ForEach-Object { "$($_.Status)" } | Should -Be @('Warning', 'Warning', 'NoSends', 'Healthy')
    }

    It '-Total gives one row per identity over the range' {
        $rows = @(Get-SesEventSummary $store @range -Total -Identity 'example.*')

        $rows.Identity | Should -Be @('example.com', 'example.org')
        $org = $rows[1]
        $org.Day | Should -BeNullOrEmpty
        $org.From.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
        $org.To.ToString('yyyy-MM-dd') | Should -Be '2024-03-09'
        $org.SentRecipients | Should -Be 1010
        [math]::Round($org.ComplaintRate, 12) | Should -Be ([math]::Round(1 / 1010, 12))
        "$($org.Status)" | Should -Be 'Healthy'
    }

    It 'counts recipients, not messages, for the rates' {
        $recipients = New-TestFolder summary-recipients
        try {
            $send = New-SesTestRecord Send three.example a@example.net | ConvertFrom-Json -DateKind String
            $send.mail.destination = @('a@example.net', 'b@example.net', 'c@example.net')
            Add-StoreObject $recipients three.example Send $day @($send | ConvertTo-Json -Depth 10 -Compress) | Out-Null
            Add-StoreObject $recipients three.example Bounce $day @(New-SesTestRecord Bounce three.example b@example.net) | Out-Null

            $row = Get-SesEventSummary $recipients -From 2024-03-08 -To 2024-03-08

            $row.Sends | Should -Be 1
            $row.SentRecipients | Should -Be 3
            $row.HardBouncedRecipients | Should -Be 1
            [math]::Round($row.BounceRate, 12) | Should -Be ([math]::Round(1 / 3, 12))
            "$($row.Status)" | Should -Be 'LowVolume'
        }
        finally { Remove-TestFolder $recipients }
    }

    It 'counts each of AWS''s ten example records' {
        if ($reason = Get-SharedSkipReason) { Set-ItResult -Skipped -Because $reason; return }
        $fixtures = New-TestFolder summary-fixtures
        try {
            $records = @(Add-FixtureStore $fixtures)

            $days = @(Get-SesEventSummary $fixtures -From 2016-01-01 -To 2022-12-31)
            $total = Get-SesEventSummary $fixtures -From 2016-01-01 -To 2022-12-31 -Total

            $days | ForEach-Object { $_.Day.ToString('yyyy-MM-dd') } | Should -Be @($records.Day | Sort-Object -Unique)
            foreach ($count in 'Sends', 'Rejects', 'Bounces', 'Complaints', 'Deliveries', 'Opens', 'Clicks', 'RenderingFailures', 'DeliveryDelays', 'Subscriptions') {
                $total.$count | Should -Be 1 -Because "AWS's examples hold one record of $count"
            }
            $total.SentRecipients | Should -Be 1
            $total.HardBouncedRecipients | Should -Be 1
            $total.BounceRate | Should -Be 1
            "$($total.Status)" | Should -Be 'LowVolume'
        }
        finally { Remove-TestFolder $fixtures }
    }

    Context 'filters' {
        It 'Where-Object filters on Status' {
            (Get-SesEventSummary $store @range | Where-Object Status -eq 'Warning').Identity | Should -Be 'example.org'
        }

        It '-Identity takes wildcards and ignores case' {
            (Get-SesEventSummary $store @range -Identity 'QUIET*').Identity | Should -Be 'quiet.example'
            @(Get-SesEventSummary $store @range -Identity '*.org', 'example.com').Count | Should -Be 3
            Get-SesEventSummary $store @range -Identity 'nobody.example' | Should -BeNullOrEmpty
        }

        It '-From and -To bound the days read, both inclusive' {
            $row = Get-SesEventSummary $store -From 2024-03-09 -To 2024-03-09

            $row.Identity | Should -Be 'example.org'
            $row.Sends | Should -Be 10
            (Get-SesEventSummary $store -From 2024-03-09 -To 2024-03-09 -Total).SentRecipients | Should -Be 10
            Get-SesEventSummary $store -From 2024-03-10 -To 2024-03-31 | Should -BeNullOrEmpty
        }
    }

    Context 'pipeline input' {
        It 'binds a piped store by the property name Path or Destination, and Import-SesEvent''s summary' {
            @([pscustomobject]@{ Path = $store } | Get-SesEventSummary @range -Total).Count | Should -Be 3
            @([pscustomobject]@{ Destination = $store } | Get-SesEventSummary @range).Count | Should -Be 4

            $imported = New-TestFolder summary-import
            try {
                $row = New-SesTestRecord Send example.com imported@example.net | Import-SesEvent -Destination $imported |
                    Get-SesEventSummary -From 2024-03-08 -To 2024-03-08
                $row.Identity | Should -Be 'example.com'
                $row.Sends | Should -Be 1
            }
            finally { Remove-TestFolder $imported }
        }
    }

    It 'reads a store whose path and identity hold quotes, brackets and SQL text' {
        $odd = Join-Path (New-TestFolder summary-odd) "it's [a]; DROP TABLE x; -- store"
        try {
            Add-StoreObject $odd "o'brien.example" Send $day @(New-SesTestRecord Send "o'brien.example" "o'neil@example.net") | Out-Null

            $row = Get-SesEventSummary $odd -From 2024-03-08 -To 2024-03-08 -Identity "o'brien*"

            $row.Identity | Should -Be "o'brien.example"
            $row.Sends | Should -Be 1
        }
        finally { Remove-TestFolder (Split-Path $odd) }
    }

    Context 'a damaged store' {
        BeforeAll {
            $damaged = New-TestFolder summary-damaged
            $notJson = Add-StoreObject $damaged example.com Send $day @(
                New-SesTestRecord Send example.com before@example.net
                'this is not json'
                New-SesTestRecord Send example.com after@example.net
            )
            $bounce = Add-StoreObject $damaged example.com Bounce $day @(New-SesTestRecord Bounce example.com after@example.net)
            $notGzip = Join-Path (Split-Path $bounce) 'not-gzip.gz'
            Set-Content -LiteralPath $notGzip -Value 'not gzip at all'

            $row = Get-SesEventSummary $damaged -From 2024-03-08 -To 2024-03-08 -WarningVariable warnings -ErrorVariable errors -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        }
        AfterAll { Remove-TestFolder $damaged }

        It 'counts every other event' {
            $row.Sends | Should -Be 2
            $row.Bounces | Should -Be 1
            $row.BounceRate | Should -Be 0.5
        }

        It 'skips a line that is not JSON with a warning naming its object' {
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "*'$notJson'*not valid SES event JSON*skipped*"
        }

        It 'reports an object that is not GZIP as its own error, naming it' {
            $errors.Count | Should -Be 1
            Assert-QueryError $errors[0] -Id EventObjectUnreadable -Command Get-SesEventSummary -Category InvalidData -Target $notGzip
        }
    }

    Context 'the store itself' {
        It 'stops with StoreNotFound on a store that does not exist' {
            $missing = Join-Path $store 'missing'
            $err = $null
            $rows = try { Get-SesEventSummary -Path $missing @range -Total } catch { $err = $_ }

            $rows | Should -BeNullOrEmpty
            Assert-QueryError $err -Id StoreNotFound -Command Get-SesEventSummary -Category ObjectNotFound -Target $missing -MessageLike "The event store '$missing' does not exist.*"
        }

        It 'returns nothing, with no error or warning, from an empty store, per day and in total' {
            $empty = New-EmptyStore summary-empty
            try {
                $rows = @(
                    Get-SesEventSummary $empty @range -WarningVariable warnings -ErrorVariable errors
                    Get-SesEventSummary $empty @range -Total -WarningVariable +warnings -ErrorVariable +errors
                )

                $rows | Should -BeNullOrEmpty
                $warnings | Should -BeNullOrEmpty
                $errors | Should -BeNullOrEmpty
            }
            finally { Remove-TestFolder $empty }
        }
    }

    Context 'progress and streaming' {
        It 'reports progress over the partitions and ends it' {
            $run = Start-ModuleScript 'Get-SesEventSummary $store -From 2024-03-08 -To 2024-03-09' @{ store = $store }
            try {
                Wait-Condition { $run.Handle.IsCompleted } -Because 'the summary to end'

                $run.Output.Count | Should -Be 4
                $progress = @($run.Shell.Streams.Progress)
                $progress.Count | Should -BeGreaterThan 0
                $progress[-1].RecordType | Should -Be 'Completed'
                $progress[-1].Activity | Should -Be 'Reading the SES event store'
                $progress[-1].StatusDescription | Should -Be '4 of 4 partitions read'
            }
            finally { $run.Shell.Dispose() }
        }

        It 'writes the first day''s summary while a later partition is still being read' {
            $slow = New-TestFolder summary-stream
            try {
                Add-StoreObject $slow example.com Send $day @(New-SesTestRecord Send example.com first@example.net) | Out-Null
                Add-RepeatedStoreObject $slow example.com Send $day.AddDays(1) (New-SesTestRecord Send example.com r@example.net) 3000000 | Out-Null

                $stream = Get-FirstStreamedObject 'Get-SesEventSummary $slow -From 2024-03-08 -To 2024-03-09' @{ slow = $slow }

                $stream.First.Day.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
                $stream.First.Sends | Should -Be 1
                $stream.StillRunning | Should -BeTrue -Because 'the first day is written before the next day''s three million sends are counted'
            }
            finally { Remove-TestFolder $slow }
        }
    }
}
