# Get-SesEventSummary -GroupBy, -Compare, -ConfigurationSet and the minimum volumes on a local store, as a user types
# them. Expected counts come from walking the records in PowerShell (Support/Breakdowns.psm1), not from the module.
# The Athena side of the same records is in Get-SesEventSummary.GroupBy.Cloud.Tests.ps1.

BeforeDiscovery {
    $groupings = @(
        @{ GroupBy = @('RecipientDomain') }
        @{ GroupBy = @('ConfigurationSet') }
        @{ GroupBy = @('FromDomain') }
        @{ GroupBy = @('Tag:campaign') }
        @{ GroupBy = @('Identity', 'RecipientDomain') }
        @{ GroupBy = @('Tag:CAMPAIGN', 'ConfigurationSet', 'Identity') }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Breakdowns.psm1" -Force
    Import-SesAnalyticsModule
    $store = New-TestFolder summary-groupby
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $records = @(New-BreakdownStore $store $day)
    $range = @{ From = '2024-03-08'; To = '2024-03-08' }
    $counts = 'Sends', 'SentRecipients', 'Bounces', 'HardBouncedRecipients', 'Complaints', 'ComplainedRecipients', 'Deliveries'
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEventSummary -GroupBy' {
    It 'counts per <GroupBy> as the records say' -ForEach $groupings {
        $expected = @(Get-ExpectedSummary $records $GroupBy -Day $day)

        $rows = @(Get-SesEventSummary $store @range -GroupBy $GroupBy)

        $rows.Count | Should -Be $expected.Count
        foreach ($want in $expected) {
            $row = @($rows | Where-Object Group -eq $want.Group)
            $row.Count | Should -Be 1 -Because "the group $($want.Group) is one row"
            foreach ($count in $counts) { $row[0].$count | Should -Be $want.$count -Because "$count of $($want.Group)" }
            $rate = $want.SentRecipients ? $want.HardBouncedRecipients / $want.SentRecipients : $null
            $row[0].BounceRate | Should -Be $rate
            $row[0].Day | Should -Be $day
        }
    }

    It 'puts each key in its own property and the tag as name=value' {
        $row = Get-SesEventSummary $store @range -GroupBy Identity, ConfigurationSet, Tag:campaign | Where-Object Group -eq 'a.example / marketing / spring'

        $row.Identity | Should -Be 'a.example'
        $row.ConfigurationSet | Should -Be 'marketing'
        $row.Tag | Should -Be 'campaign=spring'
        $row.RecipientDomain | Should -BeNullOrEmpty
        $row.FromDomain | Should -BeNullOrEmpty
        $row.PSObject.TypeNames | Should -Contain 'SesAnalytics.EventSummary'
    }

    It 'counts a send once per recipient domain and each recipient in its own, in Unicode' {
        $rows = @(Get-SesEventSummary $store @range -GroupBy RecipientDomain)

        $rows.Group | Should -Be @('bücher.example', 'gmail.com', 'outlook.com', 'yahoo.com')
        $gmail = $rows[1]
        $gmail.RecipientDomain | Should -Be 'gmail.com'
        # Sends to x@Gmail.com+y, z, u+v(+w), q(+r): 4 sends, 5 gmail recipients; x and u bounced hard, q complained.
        $gmail.Sends | Should -Be 4
        $gmail.SentRecipients | Should -Be 5
        $gmail.HardBouncedRecipients | Should -Be 2
        $gmail.BounceRate | Should -Be 0.4
        $gmail.ComplaintRate | Should -Be 0.2
    }

    It 'with -Total sums the days of each group' {
        $total = @(Get-SesEventSummary $store -From 2024-03-07 -To 2024-03-08 -GroupBy ConfigurationSet -Total)
        $expected = @(Get-ExpectedSummary $records ConfigurationSet)

        $total.Group | Should -Be @('marketing', 'transactional', '-')
        foreach ($want in $expected) {
            ($total | Where-Object Group -eq $want.Group).SentRecipients | Should -Be $want.SentRecipients
        }
        $total[0].Day | Should -BeNullOrEmpty
        $total[0].From | Should -Be $day.AddDays(-1)
    }

    It 'refuses a key it does not know, naming the keys it knows' {
        $err = try { Get-SesEventSummary $store @range -GroupBy Domain; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -Match '^InvalidGroupBy,'
        $err.Exception.Message | Should -Match 'RecipientDomain'
        $err.Exception.Message | Should -Match 'Tag:<name>'
    }
}

Describe 'Get-SesEventSummary -ConfigurationSet' {
    It 'keeps the mail of matching configuration sets (wildcards, any case)' {
        $rows = @(Get-SesEventSummary $store @range -ConfigurationSet 'MARKET*')
        $expected = Get-ExpectedSummary ($records | Where-Object { $_.Json.mail.tags['ses:configuration-set'] -eq 'marketing' }) Identity -Day $day

        $rows.Identity | Should -Be 'a.example'
        $rows.SentRecipients | Should -Be $expected.SentRecipients
        $rows.Bounces | Should -Be $expected.Bounces
        $rows.Deliveries | Should -Be 0
    }

    It 'leaves out mail sent without a configuration set' {
        (Get-SesEventSummary $store @range -ConfigurationSet '*').Identity | Should -Be 'a.example'
    }
}

Describe 'Minimum volumes' {
    It 'is LowVolume below the minimums, and judges the rate at or above them' {
        $low = Get-SesEventSummary $store @range -GroupBy RecipientDomain | Where-Object Group -eq 'gmail.com'
        $judged = Get-SesEventSummary $store @range -GroupBy RecipientDomain -MinimumBounceVolume 5 | Where-Object Group -eq 'gmail.com'
        $both = Get-SesEventSummary $store @range -GroupBy RecipientDomain -MinimumBounceVolume 6 -MinimumComplaintVolume 5 | Where-Object Group -eq 'gmail.com'

        "$($low.Status)" | Should -Be 'LowVolume'
        "$($judged.Status)" | Should -Be 'AtRisk' -Because 'a 40% bounce rate over 5 recipients is judged, whatever the complaints'
        "$($both.Status)" | Should -Be 'AtRisk' -Because 'the 20% complaint rate is judged though the bounce rate is not'
    }

    It 'refuses a negative minimum' {
        { Get-SesEventSummary $store @range -MinimumBounceVolume -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SesAnalytics.Cmdlets.Commands.GetSesEventSummaryCommand'
    }
}

Describe 'Get-SesEventSummary -Compare' {
    It 'sets each group''s day before beside each day' {
        $row = Get-SesEventSummary $store @range -Compare -MinimumBounceVolume 0 | Where-Object Identity -eq 'a.example'
        $before = Get-ExpectedSummary $records Identity -Day $day.AddDays(-1)
        $now = Get-ExpectedSummary ($records | Where-Object Identity -eq 'a.example') Identity -Day $day

        $row.PreviousSentRecipients | Should -Be $before.SentRecipients
        $row.PreviousBounceRate | Should -Be ($before.HardBouncedRecipients / $before.SentRecipients)
        [math]::Round($row.BounceRateChange, 12) | Should -Be ([math]::Round($now.HardBouncedRecipients / $now.SentRecipients - $before.HardBouncedRecipients / $before.SentRecipients, 12))
        "$($row.PreviousStatus)" | Should -Be 'AtRisk'
    }

    It 'with -Total compares with the range of equal length before, and a group new in the range has no previous rates' {
        $rows = @(Get-SesEventSummary $store @range -Total -Compare -GroupBy Identity)

        ($rows | Where-Object Identity -eq 'a.example').PreviousSentRecipients | Should -Be 2
        $b = $rows | Where-Object Identity -eq 'b.example'
        $b.PreviousSentRecipients | Should -Be 0
        $b.PreviousBounceRate | Should -BeNullOrEmpty
        $b.BounceRateChange | Should -BeNullOrEmpty
        "$($b.PreviousStatus)" | Should -Be 'NoSends'
    }

    It 'leaves the previous fields empty without -Compare' {
        (Get-SesEventSummary $store @range -Identity a.example).PreviousSentRecipients | Should -BeNullOrEmpty
    }
}

Describe 'The grouped views' {
    It 'shows the Group in a table of at most 79 columns, and the previous period in the list' {
        $rows = @(Get-SesEventSummary $store @range -GroupBy Identity, RecipientDomain -Compare)

        $lines = (Get-ViewText $rows -Width 79) -split '\r?\n' | Where-Object { $_ }
        $lines[0] | Should -Match '^Day\s+Group\s+Sent\s+Bounced\s+Compl\.\s+Bounce%\s+Compl%\s+Status'
        # A group longer than its column wraps onto the next line rather than losing its end.
        $at = [array]::IndexOf($lines, @($lines -match '^2024-03-08\s+a\.example / gmai')[0])
        $lines[$at] | Should -Match '^2024-03-08\s+a\.example / gmai\S*\s+4\s+2\s+0\s+50\.00%\s+0\.00%\s+LowVolume'
        $lines[$at + 1].Trim() | Should -Be '.com'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
        $list = Get-ViewText ($rows | Where-Object Group -eq 'a.example / gmail.com') -View List
        $list | Should -Match 'RecipientDomain\s+: gmail\.com'
        $list | Should -Match 'PreviousBounceRate\s+: 50\.00%'
        $list | Should -Match 'BounceRateChange\s+: 0\.00 pp'
    }

    It 'exports flat CSV columns' {
        $csv = Get-SesEventSummary $store @range -GroupBy Tag:campaign | ConvertTo-Csv
        $csv[0] | Should -Match '"Tag"'
        $csv -join "`n" | Should -Match '"campaign=spring"'
        $csv -join "`n" | Should -Not -Match 'System\.Collections|SesAnalytics\.Engine'
    }
}
