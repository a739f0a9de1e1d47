# Get-SesEngagement and Get-SesClickedLink -Path: open, click and click-to-open rates and the most clicked links from a
# local store, as a user types them. Every expected value is worked out here by walking the records written, not by
# the module. The cloud sets are in Get-SesEngagement.Cloud.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesEngagement -Minimum 5) + @(Get-HelpExampleTestCase Get-SesClickedLink -Minimum 3) |
        Where-Object { $_.Code -match '\./ses-store' }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Queries.psm1" -Force
    Import-SesAnalyticsModule

    $d1 = [datetime]::new(2024, 3, 8, 12, 0, 0, [DateTimeKind]::Utc)
    # One event as the walker below reads it; Line is the record SES would write.
    function New-Event([string] $Type, [string] $Identity, [string] $Message, [string[]] $To, [datetime] $At, [string] $Campaign, [string] $Link) {
        $stamp = $At.ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
        $tags = [ordered]@{ 'ses:sender-identity' = @($Identity); 'ses:configuration-set' = @('cs1') }
        if ($Campaign) { $tags.campaign = @($Campaign) }
        $record = [ordered]@{
            eventType = $Type
            mail      = [ordered]@{ timestamp = $d1.ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); source = "news@$Identity"; messageId = $Message; destination = $To; tags = $tags }
        }
        $detail = switch ($Type) {
            'Delivery' { [ordered]@{ timestamp = $stamp; processingTimeMillis = 900; recipients = $To } }
            'Open' { [ordered]@{ timestamp = $stamp; ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0' } }
            'Click' { [ordered]@{ timestamp = $stamp; ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0'; link = $Link; linkTags = @{ Section = @('hero') } } }
        }
        $record[$Type.ToLowerInvariant()] = $detail
        [pscustomobject]@{
            Type = $Type; Identity = $Identity; Message = $Message; To = $To; At = $At; Day = $At.Date; Campaign = $Campaign; Link = $Link
            Key = "$Message|$stamp|$Link"; Line = $record | ConvertTo-Json -Depth 10 -Compress
        }
    }

    # m1 (ann): opened 4 s after delivery (a prefetch), twice more that day and once the next; clicked twice.
    # m2 (bob, cy): opened 6 s after delivery. m3 (dan): opened 4 s after. m4 (eve): delivered 2 s before midnight,
    # opened 1 s after it (a prefetch across the day boundary). m5 (fay): opened an hour later, clicked.
    $late = [datetime]::new(2024, 3, 8, 23, 59, 58, [DateTimeKind]::Utc)
    $events = @(
        New-Event Delivery a.example m1 ann@x.test $d1 spring
        New-Event Open a.example m1 ann@x.test $d1.AddSeconds(4) spring
        New-Event Open a.example m1 ann@x.test $d1.AddMinutes(1) spring
        New-Event Open a.example m1 ann@x.test $d1.AddMinutes(2) spring
        New-Event Open a.example m1 ann@x.test $d1.AddHours(22) spring
        New-Event Click a.example m1 ann@x.test $d1.AddMinutes(5) spring https://example.com/a
        New-Event Click a.example m1 ann@x.test $d1.AddMinutes(6) spring https://example.com/a
        New-Event Delivery a.example m2 bob@y.test, cy@X.test $d1 spring
        New-Event Open a.example m2 bob@y.test, cy@X.test $d1.AddSeconds(6) spring
        New-Event Delivery b.example m3 dan@y.test $d1 autumn
        New-Event Open b.example m3 dan@y.test $d1.AddSeconds(4) autumn
        New-Event Delivery b.example m4 eve@z.test $late autumn
        New-Event Open b.example m4 eve@z.test $late.AddSeconds(3) autumn
        New-Event Delivery b.example m5 fay@z.test $d1 autumn
        New-Event Open b.example m5 fay@z.test $d1.AddHours(1) autumn
        New-Event Click b.example m5 fay@z.test $d1.AddHours(1) autumn https://example.com/b
    )
    $store = New-TestFolder engagement
    $events | Group-Object Identity, Type, Day | ForEach-Object {
        $first = $_.Group[0]
        Add-StoreObject $store $first.Identity $first.Type $first.Day @($_.Group.Line) | Out-Null
    }
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }

    # The expected rows, by walking the events: a recipient is a message and an address; an open within the window of
    # a delivery of its message is a proxy open.
    function Get-Expected([string[]] $GroupBy = @('Identity'), [switch] $Total, [double] $Window = 5, [switch] $IncludeProxyOpens) {
        $deliveries = @($events | Where-Object Type -EQ Delivery)
        $rows = foreach ($e in $events) {
            $proxy = $e.Type -eq 'Open' -and [bool]@($deliveries | Where-Object { $_.Message -eq $e.Message -and [math]::Abs(($e.At - $_.At).TotalSeconds) -le $Window })
            foreach ($address in $e.To) {
                $values = foreach ($key in $GroupBy) {
                    switch ($key) {
                        'Identity' { $e.Identity }
                        'RecipientDomain' { $address.Split('@')[1].ToLowerInvariant() }
                        'Tag:campaign' { if ($e.Campaign) { $e.Campaign } else { '-' } }
                    }
                }
                [pscustomobject]@{
                    Row = '{0} {1}' -f $(if ($Total) { 'total' } else { $e.Day.ToString('yyyy-MM-dd') }), ($values -join ' / ')
                    Type = $e.Type; Pair = "$($e.Message)|$($address.ToLowerInvariant())"; Key = $e.Key
                    Counted = $e.Type -eq 'Open' -and ($IncludeProxyOpens -or -not $proxy); Proxy = $proxy
                }
            }
        }
        $expected = @{}
        foreach ($group in $rows | Group-Object Row) {
            $unique = { param($where, $what) @($group.Group | Where-Object $where | ForEach-Object $what | Sort-Object -Unique).Count }
            $expected[$group.Name] = [pscustomobject]@{
                DeliveredRecipients = & $unique { $_.Type -eq 'Delivery' } Pair
                OpenedRecipients    = & $unique { $_.Counted } Pair
                ClickedRecipients   = & $unique { $_.Type -eq 'Click' } Pair
                Opens               = & $unique { $_.Counted } Key
                Clicks              = & $unique { $_.Type -eq 'Click' } Key
                ProxyOpens          = & $unique { $_.Proxy } Key
            }
        }
        $expected
    }

    function Assert-Expected($Rows, [hashtable] $Expected, [switch] $Total) {
        $Rows.Count | Should -Be $Expected.Count
        foreach ($row in $Rows) {
            $name = '{0} {1}' -f $(if ($Total) { 'total' } else { $row.Day.ToString('yyyy-MM-dd') }), $row.Group
            $want = $Expected[$name]
            $want | Should -Not -BeNullOrEmpty -Because "the walk has a row '$name'"
            foreach ($property in 'DeliveredRecipients', 'OpenedRecipients', 'ClickedRecipients', 'Opens', 'Clicks', 'ProxyOpens') {
                $row.$property | Should -Be $want.$property -Because "$property of '$name'"
            }
            $row.OpenRate | Should -Be $(if ($want.DeliveredRecipients) { $want.OpenedRecipients / $want.DeliveredRecipients })
            $row.ClickRate | Should -Be $(if ($want.DeliveredRecipients) { $want.ClickedRecipients / $want.DeliveredRecipients })
            $row.ClickToOpenRate | Should -Be $(if ($want.OpenedRecipients) { $want.ClickedRecipients / $want.OpenedRecipients })
        }
    }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEngagement -Path' {
    It 'counts each identity and day as the walk of the events does, by day then identity' {
        $rows = @(Get-SesEngagement -Path $store @range)

        $rows | ForEach-Object { '{0:yyyy-MM-dd} {1}' -f $_.Day, $_.Identity } |
            Should -Be @('2024-03-08 a.example', '2024-03-08 b.example', '2024-03-09 a.example', '2024-03-09 b.example')
        Assert-Expected $rows (Get-Expected)
        $rows[0].ProxyOpens | Should -Be 1 -Because 'ann''s open 4 s after delivery is a prefetch'
        $rows[0].Opens | Should -Be 3 -Because 'bob and cy''s open came 6 s after delivery, outside the 5 s window'
        $rows[3].ProxyOpens | Should -Be 1 -Because 'eve''s open 3 s after a delivery on the previous day is a prefetch'
        $rows[0] | Should -BeOfType ([SesAnalytics.EngagementSummary])
    }

    It '-Total counts a recipient who opened on two days once' {
        $rows = @(Get-SesEngagement $store @range -Total)

        Assert-Expected $rows (Get-Expected -Total) -Total
        $a = $rows | Where-Object Identity -EQ a.example
        $a.Day | Should -BeNullOrEmpty
        $a.From | Should -Be ([datetime]'2024-03-08')
        $a.To | Should -Be ([datetime]'2024-03-09')
        $a.OpenedRecipients | Should -Be 3
    }

    It '-GroupBy Tag:campaign and RecipientDomain span identities' {
        $rows = @(Get-SesEngagement $store @range -Total -GroupBy Tag:campaign, RecipientDomain)

        Assert-Expected $rows (Get-Expected -Total -GroupBy Tag:campaign, RecipientDomain) -Total
        $rows.Group | Should -Be @('autumn / y.test', 'autumn / z.test', 'spring / x.test', 'spring / y.test')
        $rows[0].Tag | Should -Be 'campaign=autumn'
        $rows[0].RecipientDomain | Should -Be 'y.test'
        $rows[0].Identity | Should -BeNullOrEmpty
    }

    It 'per day and recipient domain' {
        Assert-Expected @(Get-SesEngagement $store @range -GroupBy RecipientDomain) (Get-Expected -GroupBy RecipientDomain)
    }

    It '-IncludeProxyOpens counts the prefetches as opens, and -ProxyOpenWindow moves the edge' {
        Assert-Expected @(Get-SesEngagement $store @range -IncludeProxyOpens) (Get-Expected -IncludeProxyOpens)
        # 3 s: dan's open 4 s after delivery is a person's now, eve's 3 s after is still a prefetch.
        Assert-Expected @(Get-SesEngagement $store @range -ProxyOpenWindow 3) (Get-Expected -Window 3)
        Assert-Expected @(Get-SesEngagement $store @range -ProxyOpenWindow '00:00:07') (Get-Expected -Window 7)
    }

    It 'refuses a window over an hour and an unknown grouping, naming what to give' {
        { Get-SesEngagement $store @range -ProxyOpenWindow 7200 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProxyOpenWindow,SesAnalytics.Cmdlets.Commands.GetSesEngagementCommand'
        { Get-SesEngagement $store @range -GroupBy Campaign -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidGroupBy,SesAnalytics.Cmdlets.Commands.GetSesEngagementCommand'
    }

    It 'shows Day, Group and the rates as percentages in 80 columns, and every property as a list' {
        $rows = @(Get-SesEngagement $store @range)

        Assert-ViewText $rows -Width 80 -Match 'Day\s+Group\s+Delivered\s+Opened\s+Open%\s+Click%\s+CTO%\s+Proxy',
            '2024-03-08\s+a\.example\s+3\s+3\s+100\.00%\s+33\.33%\s+33\.33%\s+1'
        (Get-ViewText $rows -Width 80) -split '\r?\n' | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 }
        Assert-ViewText $rows[0] -View List -Match 'ClickToOpenRate\s+: 33\.33%', 'ProxyOpens\s+: 1', 'Identity\s+: a\.example'
    }
}

Describe 'Get-SesClickedLink -Path' {
    It 'lists each group''s links by clicking recipients, with their tags' {
        $links = @(Get-SesClickedLink $store @range -GroupBy ConfigurationSet)

        $links.Link | Should -Be @('https://example.com/a', 'https://example.com/b')
        $clicks = @($events | Where-Object Type -EQ Click)
        foreach ($link in $links) {
            $mine = @($clicks | Where-Object Link -EQ $link.Link)
            $link.Clicks | Should -Be @($mine.Key | Sort-Object -Unique).Count
            $link.ClickedRecipients | Should -Be @($mine | ForEach-Object { foreach ($a in $_.To) { "$($_.Message)|$a" } } | Sort-Object -Unique).Count
            $link.LinkTags | Should -Be 'section=hero'
            $link.ConfigurationSet | Should -Be 'cs1'
        }
        @(Get-SesClickedLink $store @range -GroupBy ConfigurationSet -Top 1).Count | Should -Be 1
        Assert-ViewText $links -Width 80 -Match 'Group\s+Recips\s+Clicks\s+Link', 'cs1\s+1\s+2\s+https://example\.com/a'
        Assert-ViewText $links[0] -View List -Match 'LinkTags\s+: section=hero'
    }
}

Describe 'Get-SesEngagement and Get-SesClickedLink help example' {
    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
    }
}
