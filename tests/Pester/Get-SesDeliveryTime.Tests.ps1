# Get-SesDeliveryTime -Path: delivery-time percentiles from a local store, with DuckDB, as a user types it. Expected
# values are worked out here from the records written (nearest rank). The cloud sets are in
# Get-SesDeliveryTime.Cloud.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesDeliveryTime -Minimum 4 | Where-Object { $_.Code -match 'ses-store' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'

    # Two identities over two days; recipients at three domains, one message to two gmail.com users; campaign tags.
    $store = New-TestFolder delivery-times
    $written = [Collections.Generic.List[object]]::new()
    $domains = 'gmail.com', 'yahoo.com', 'outlook.com'
    $n = 0
    foreach ($day in [datetime]'2024-03-08', [datetime]'2024-03-09') {
        foreach ($identity in 'example.com', 'mail.example.org') {
            $lines = for ($i = 0; $i -lt 9; $i++, $n++) {
                $ms = ($n * 7919) % 5000 + 100
                $recipients = if ($n % 5 -eq 0) { "a$n@gmail.com", "b$n@GMAIL.com" } else { , "r$n@$($domains[$n % 3])" }
                $campaign = "c$($n % 2)"
                $detail = [ordered]@{ timestamp = '2024-03-08T10:00:00.000Z'; processingTimeMillis = $ms; recipients = @($recipients); smtpResponse = '250 ok' }
                $written.Add([pscustomobject]@{ Day = $day; Identity = $identity; Ms = $ms; Recipients = @($recipients); Campaign = $campaign })
                New-SesTestRecord Delivery $identity $recipients[0] -Tags @{ campaign = $campaign } -Detail $detail
            }
            Add-StoreObject $store $identity Delivery $day $lines | Out-Null
        }
    }

    # Nearest rank: the ceil(p * n / 100)-th of the sorted times.
    function Get-NearestRank([long[]] $Sorted, [int] $Percent) { $Sorted[[math]::Ceiling($Percent * $Sorted.Count / 100) - 1] }
    function Get-Expected([object[]] $Rows) {
        $times = [long[]]@($Rows.Ms | Sort-Object)
        '{0} {1} {2} {3} {4}' -f $Rows.Count, (Get-NearestRank $times 50), (Get-NearestRank $times 90), (Get-NearestRank $times 99), $times[-1]
    }
    function Get-Actual($Summary) {
        '{0} {1} {2} {3} {4}' -f $Summary.Deliveries, $Summary.P50.TotalMilliseconds, $Summary.P90.TotalMilliseconds, $Summary.P99.TotalMilliseconds, $Summary.Max.TotalMilliseconds
    }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesDeliveryTime -Path' {
    It 'gives the nearest-rank p50, p90, p99 and max per identity and day' {
        $summaries = @(Get-SesDeliveryTime $store -From 2024-03-08 -To 2024-03-09)

        $summaries.Count | Should -Be 4
        foreach ($summary in $summaries) {
            $rows = @($written | Where-Object { $_.Identity -eq $summary.Identity -and $_.Day -eq $summary.Day })
            Get-Actual $summary | Should -Be (Get-Expected $rows) -Because "$($summary.Identity) $($summary.Day)"
            $summary.DeliveredRecipients | Should -Be ($rows.Recipients.Count)
            $summary.Group | Should -Be $summary.Identity
            $summary.Day.Kind | Should -Be 'Utc'
        }
        $summaries | ForEach-Object { "$($_.Day.ToString('MM-dd')) $($_.Identity)" } |
            Should -Be @('03-08 example.com', '03-08 mail.example.org', '03-09 example.com', '03-09 mail.example.org')
    }

    It 'groups by recipient domain over the whole range with -Total, across identities and days' {
        $summaries = @(Get-SesDeliveryTime $store -GroupBy RecipientDomain -Total -From 2024-03-08 -To 2024-03-09)

        $summaries.RecipientDomain | Should -Be @('gmail.com', 'outlook.com', 'yahoo.com')
        foreach ($summary in $summaries) {
            $rows = @($written | Where-Object { $_.Recipients | Where-Object { $_.Split('@')[1].ToLowerInvariant() -eq $summary.RecipientDomain } })
            Get-Actual $summary | Should -Be (Get-Expected $rows)
            $summary.DeliveredRecipients | Should -Be @($rows.Recipients | Where-Object { $_.Split('@')[1].ToLowerInvariant() -eq $summary.RecipientDomain }).Count
            $summary.Day | Should -BeNullOrEmpty
            $summary.From | Should -Be ([datetime]'2024-03-08')
            $summary.Identity | Should -BeNullOrEmpty
        }
    }

    It 'groups by a mail tag and identity, and shows the tag as name=value' {
        $summaries = @(Get-SesDeliveryTime $store -GroupBy Tag:campaign, Identity -From 2024-03-08 -To 2024-03-08)

        $summaries.Group | Should -Be @('c0 / example.com', 'c0 / mail.example.org', 'c1 / example.com', 'c1 / mail.example.org')
        foreach ($summary in $summaries) {
            $rows = @($written | Where-Object { "campaign=$($_.Campaign)" -eq $summary.Tag -and $_.Identity -eq $summary.Identity -and $_.Day -eq [datetime]'2024-03-08' })
            Get-Actual $summary | Should -Be (Get-Expected $rows)
        }
    }

    It 'rejects an unknown grouping with InvalidGroupBy' {
        { Get-SesDeliveryTime $store -GroupBy Colour -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidGroupBy*'
    }

    It 'renders a table within 79 columns, times as seconds, and a list of every property' {
        $summaries = @(Get-SesDeliveryTime $store -GroupBy RecipientDomain, Tag:campaign -From 2024-03-08 -To 2024-03-09)
        $table = Get-ViewText $summaries -Width 80
        $table -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 79 } | Should -BeNullOrEmpty
        $table | Should -Match 'Day\s+Group\s+Deliv\.\s+P50\s+P90\s+P99\s+Max'
        $table | Should -Match '2024-03-08\s+gmail\.com / c0\s+\d+\s+\d+\.\ds'
        Assert-ViewText $summaries -View List -Match 'DeliveredRecipients : \d+', 'P99\s+: 00:00:0\d\.\d+', 'Tag\s+: campaign=c[01]'
    }

    It 'returns nothing for days without deliveries' {
        Get-SesDeliveryTime $store -From 2023-01-01 -To 2023-01-02 | Should -BeNullOrEmpty
    }
}

Describe 'Get-SesDeliveryTime help example' {
    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
    }
}
