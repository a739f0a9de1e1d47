# Get-SesEventSummary -GroupBy/-Compare/-ConfigurationSet with Athena: the statement (every partition column
# constrained, every value a parameter) and equal objects to the -Path set's for the same records, the Athena fake
# answering with the rows the statement gives for them (computed in PowerShell, Support/Breakdowns.psm1).

BeforeDiscovery {
    $cases = @(
        @{ GroupBy = @('RecipientDomain'); Extra = @{} }
        @{ GroupBy = @('Identity', 'RecipientDomain'); Extra = @{ Total = $true } }
        @{ GroupBy = @('Tag:campaign', 'ConfigurationSet'); Extra = @{ Compare = $true } }
        @{ GroupBy = @('FromDomain'); Extra = @{ Total = $true; Compare = $true } }
        @{ GroupBy = @('Identity'); Extra = @{ ConfigurationSet = 'market*' } }
        @{ GroupBy = @('Identity'); Extra = @{ Compare = $true; MinimumBounceVolume = 0 } }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Breakdowns.psm1" -Force
    $null = Initialize-FakeAwsTest
    $store = New-TestFolder summary-groupby-cloud
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $records = @(New-BreakdownStore $store $day)
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events'; Identity = 'a.example', 'b.example' }
    $range = @{ From = '2024-03-08'; To = '2024-03-08' }
    $properties = @('Identity', 'ConfigurationSet', 'RecipientDomain', 'FromDomain', 'Tag', 'Group', 'Day', 'From', 'To', 'Sends', 'SentRecipients',
        'Deliveries', 'Bounces', 'HardBounces', 'SoftBounces', 'HardBouncedRecipients', 'Complaints', 'ComplainedRecipients', 'Opens',
        'BounceRate', 'ComplaintRate', 'Status', 'PreviousSentRecipients', 'PreviousBounceRate', 'PreviousComplaintRate', 'BounceRateChange',
        'ComplaintRateChange', 'PreviousStatus')
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEventSummary -GroupBy with Athena' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'gives the objects of -Path for <GroupBy> <Extra.Keys>' -ForEach $cases {
        $extra = $Extra
        $days = if ($extra.Total -and $extra.Compare) { $day.AddDays(-1), $day } elseif ($extra.Compare) { $day.AddDays(-1), $day } else { @($day) }
        $plain = ($GroupBy -join ',') -eq 'Identity' -and -not $extra.ConfigurationSet
        $source = if ($extra.ConfigurationSet) { $records | Where-Object { $_.Json.mail.tags['ses:configuration-set'] -like $extra.ConfigurationSet } } else { $records }
        $rows = @(ConvertTo-GroupedAthenaRow @($source) -GroupBy $GroupBy -Day $days -Plain:$plain)
        $keys = @($GroupBy | Where-Object { $_ -ne 'Identity' })
        $columns = if ($plain) { @('sender_identity', 'day', 'event_type', '_col3', '_col4', '_col5', '_col6', '_col7') }
        else { @('sender_identity', 'day', 'event_type') + @($keys | ForEach-Object { "k$_" }) + @('_c1', '_c2', '_c3', '_c4') }
        $types = @('varchar') * ($columns.Count - ($plain ? 5 : 4)) + @('bigint') * ($plain ? 5 : 4)
        $fake.SetResults([string[]]$columns, [string[]]$types, $rows)

        $local = @(Get-SesEventSummary $store @range -GroupBy $GroupBy @extra)
        $athena = @(Get-SesEventSummary @cloud @range -GroupBy $GroupBy @extra @aws)

        $local.Count | Should -BeGreaterThan 0
        ($athena | ConvertTo-ComparableText -Property $properties) | Should -Be ($local | ConvertTo-ComparableText -Property $properties)
    }

    It 'constrains all three partition columns, reads the previous day with -Compare, and binds tag names and patterns' {
        Get-SesEventSummary @cloud @range -GroupBy RecipientDomain, Tag:campaign -ConfigurationSet 'market*' -Compare @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        $sql | Should -Match '"sender_identity" IN \(\?, \?\)'
        $sql | Should -Match '"event_type" IN \(\?(, \?){9}\)'
        $sql | Should -Match '"day" IN \(\?, \?\)'
        $sql | Should -Match 'CROSS JOIN UNNEST'
        $parameters = $start[0].ExecutionParameters
        $parameters | Should -Contain "'campaign'"
        $parameters | Should -Contain "'market%'"
        $parameters | Should -Contain "'2024/03/07'"
        # The domain pattern is a literal of the module's own holding '?': placeholders are the ones outside literals.
        ([regex]::Matches(($sql -replace "'([^']|'')*'", "''"), '\?')).Count | Should -Be $parameters.Count
        foreach ($value in 'a.example', 'campaign', 'market', '2024/03') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }
}
