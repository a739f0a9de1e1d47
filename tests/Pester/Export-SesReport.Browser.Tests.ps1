# Export-SesReport in a real browser: Debian's Chromium, headless, driven by tests/SesAnalytics.ReportCheck
# (PuppeteerSharp, no browser download). The page must log no error, request nothing, draw every chart with its series,
# and its tables must hold the numbers the query commands return for the same store and period (Get-SesEventSummary,
# Get-SesFailureSummary, Get-SesEngagement, Get-SesDeliveryTime), read here from their output. The screenshots and the PDF are kept under out/test-artifacts/.

BeforeDiscovery {
    $chromium = @('/usr/bin/chromium', $env:CHROMIUM_PATH) | Where-Object { $_ -and (Test-Path -LiteralPath $_) } | Select-Object -First 1
    $skipReason = if (-not $chromium) { 'Chromium is not installed (apt-get install chromium)' }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $chromium = @('/usr/bin/chromium', $env:CHROMIUM_PATH) | Where-Object { $_ -and (Test-Path -LiteralPath $_) } | Select-Object -First 1
    $tool = Get-ChildItem (Join-Path (Get-RepoRoot) 'tests/SesAnalytics.ReportCheck/bin/*/net10.0/SesAnalytics.ReportCheck.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    $artifacts = Join-Path (Get-RepoRoot) 'out/test-artifacts'
    New-Item -ItemType Directory -Force -Path $artifacts | Out-Null

    # Runs the browser check on a report; returns what the page showed (the tool's JSON).
    function Invoke-ReportCheck([string] $Report, [string] $Name, [string[]] $More = @()) {
        if (-not $tool) { throw 'tests/SesAnalytics.ReportCheck is not built: run ./build.ps1.' }
        $json = & dotnet $tool.FullName $Report (Join-Path $artifacts "$Name.png") --chromium $chromium @More
        if ($LASTEXITCODE) { throw "The browser check failed ($LASTEXITCODE)." }
        $json | ConvertFrom-Json -AsHashtable
    }

    # Table rows as hashtables of column key -> data-value text.
    function Get-TableRow($Seen, [string] $Name, [string] $Identity) {
        $table = @($Seen.tables | Where-Object { $_.name -eq $Name -and (-not $Identity -or $_.identity -eq $Identity) })
        $table.Count | Should -Be 1 -Because "the page has one table $Name $Identity"
        foreach ($row in $table[0].rows) {
            $cells = @{}
            for ($i = 0; $i -lt $table[0].columns.Count; $i++) { $cells[$table[0].columns[$i]] = $row[$i] }
            $cells
        }
    }

    # A number as the page's data-value holds it: JavaScript's shortest text that reads back as the same double.
    function Format-Rate($Value) { if ($null -eq $Value) { '' } else { ([double]$Value).ToString('R', [cultureinfo]::InvariantCulture) } }

    $store = New-TestFolder report-browser
    $campaigns = 'spring-sale', '</script><b>bold</b>'
    $lines = New-SesSampleEvent -Count 3000 -Seed 7 -StartDate 2024-03-01 -Days 14 -Identity example.com, mail.example.org -AsJson |
        ForEach-Object {
            $id = [regex]::Match($_, '"messageId":"([^"]+)"').Groups[1].Value
            $_ -creplace '"tags":\{', ('"tags":{"campaign":[' + ($campaigns[[int][char]$id[-8] % 2] | ConvertTo-Json) + '],')
        }
    $lines | Import-SesEvent -Destination $store | Out-Null
    # An identity whose name is markup: it must show as text.
    $odd = 'x<b>y<i>.example'
    $day = [datetime]::new(2024, 3, 10, 0, 0, 0, [DateTimeKind]::Utc)
    Add-StoreObject $store $odd Send $day @(New-SesTestRecord Send $odd a@example.net -Timestamp $day.AddHours(9)) | Out-Null
    Add-StoreObject $store $odd Bounce $day @(New-SesTestRecord Bounce $odd a@example.net -Timestamp $day.AddHours(9)) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-14' }
    $report = Join-Path $store 'report.html'
    if ($chromium) {
        Export-SesReport -Path $store @range -OutFile $report
        $seen = Invoke-ReportCheck $report 'Export-SesReport' --pdf, (Join-Path $artifacts 'Export-SesReport.pdf')
    }
}

AfterAll { Remove-TestFolder $store }

Describe "Export-SesReport in Chromium$($skipReason ? " (skipped: $skipReason)" : '')" -Skip:([bool]$skipReason) {
    It 'loads with no console error, no page error and no request but the file itself' {
        $seen.consoleErrors | Should -BeNullOrEmpty
        $seen.pageErrors | Should -BeNullOrEmpty
        $seen.requests | Should -BeNullOrEmpty
        $seen.scripts | Should -Be 3
    }

    It 'states the period and the store at the top' {
        $seen.title | Should -Be 'SES event report 2024-03-08 to 2024-03-14'
        $seen.meta.Period | Should -Be '2024-03-08 to 2024-03-14 (UTC, 7 days)'
        $seen.meta.Store | Should -Be $store
        $seen.sections | Should -Be @('Identities and their status', 'Day by day', 'Event types', 'Bounces', 'Engagement', 'Delivery times', 'Against the previous period')
    }

    It 'draws every chart, each with its title, axis titles and the series it should have' {
        # Three charts per identity, then the mix, bounce kinds, domains, two engagement charts, delivery times, previous period.
        $seen.charts.Count | Should -Be (3 * 3 + 7)
        $seen.ready | Should -Be $seen.charts.Count
        foreach ($chart in $seen.charts) {
            $chart.series | Should -Be $chart.expectedSeries -Because $chart.id
            $chart.painted | Should -BeGreaterThan 1000 -Because "$($chart.id) is drawn"
            $chart.title | Should -Not -BeNullOrEmpty
            @($chart.axisTitles | Where-Object { $_ }).Count | Should -Be 2 -Because "$($chart.id) names both axes"
            $chart.points | ForEach-Object { $_ | Should -BeGreaterThan 0 -Because "every series of $($chart.id) has values" }
        }
        @($seen.charts | Where-Object id -Match 'bounce-rate$').ForEach({ $_.labels | Should -Be @('Bounce rate', 'Review 5%', 'Pause 10%') })
        @($seen.charts | Where-Object id -Match 'complaint-rate$').ForEach({ $_.labels | Should -Be @('Complaint rate', 'Review 0.1%', 'Pause 0.5%') })
    }

    It 'shows markup in names and tags as text, adding no element' {
        $seen.foreignElements | Should -Be 0
        (Get-TableRow $seen identities).identity | Should -Contain $odd
        (Get-TableRow $seen engagement-tag).name | Should -Contain 'campaign=</script><b>bold</b>'
    }

    It 'lists each identity with the totals of Get-SesEventSummary -Total' {
        $expected = @(Get-SesEventSummary -Path $store @range -Total)
        $rows = @(Get-TableRow $seen identities)
        $rows.Count | Should -Be $expected.Count
        foreach ($summary in $expected) {
            $row = $rows | Where-Object identity -EQ $summary.Identity
            $row.sent | Should -Be "$($summary.Sends)"
            $row.recipients | Should -Be "$($summary.SentRecipients)"
            $row.delivered | Should -Be "$($summary.Deliveries)"
            $row.bounced | Should -Be "$($summary.Bounces)"
            $row.hardBouncedRecipients | Should -Be "$($summary.HardBouncedRecipients)"
            $row.complained | Should -Be "$($summary.Complaints)"
            $row.bounceRate | Should -Be (Format-Rate $summary.BounceRate)
            $row.complaintRate | Should -Be (Format-Rate $summary.ComplaintRate)
            $row.status | Should -Be "$($summary.Status)"
        }
    }

    It 'lists each identity day by day as Get-SesEventSummary does' {
        $expected = @(Get-SesEventSummary -Path $store @range)
        foreach ($group in $expected | Group-Object Identity) {
            $rows = @(Get-TableRow $seen daily $group.Name)
            $rows.day | Should -Be @($group.Group | ForEach-Object { $_.Day.ToString('yyyy-MM-dd') })
            for ($i = 0; $i -lt $rows.Count; $i++) {
                $summary = $group.Group[$i]
                $rows[$i].sent | Should -Be "$($summary.Sends)"
                $rows[$i].delivered | Should -Be "$($summary.Deliveries)"
                $rows[$i].bounced | Should -Be "$($summary.Bounces)"
                $rows[$i].complained | Should -Be "$($summary.Complaints)"
                $rows[$i].bounceRate | Should -Be (Format-Rate $summary.BounceRate)
                $rows[$i].complaintRate | Should -Be (Format-Rate $summary.ComplaintRate)
                $rows[$i].status | Should -Be "$($summary.Status)"
            }
        }
    }

    It 'counts the event types as the summaries do' {
        $totals = @(Get-SesEventSummary -Path $store @range -Total)
        $rows = @(Get-TableRow $seen event-mix)
        $byType = @{}
        foreach ($row in $rows) { $byType[$row.eventType] = [long]$row.events }
        $byType.Send | Should -Be ($totals | Measure-Object Sends -Sum).Sum
        $byType.Delivery | Should -Be ($totals | Measure-Object Deliveries -Sum).Sum
        $byType.Open | Should -Be ($totals | Measure-Object Opens -Sum).Sum
        $byType.Click | Should -Be ($totals | Measure-Object Clicks -Sum).Sum
        $byType.Bounce | Should -Be ($totals | Measure-Object Bounces -Sum).Sum
        $byType.DeliveryDelay | Should -Be ($totals | Measure-Object DeliveryDelays -Sum).Sum
    }

    It 'counts bounced recipients by type and subtype as Get-SesFailureSummary does, and as many as Get-SesBounce lists' {
        $reasons = @(Get-SesFailureSummary -Path $store @range -Kind Bounce -Total)
        $rows = @(Get-TableRow $seen bounce-kinds)
        ($rows | Measure-Object { [long]$_.recipients } -Sum).Sum | Should -Be @(Get-SesBounce -Path $store @range).Count
        foreach ($group in $reasons | Group-Object Type, SubType) {
            $row = $rows | Where-Object { "$($_.bounceType), $($_.bounceSubType)" -eq $group.Name }
            $row.recipients | Should -Be "$(($group.Group | Measure-Object Recipients -Sum).Sum)"
        }
    }

    It 'lists the most frequent reasons as rows of Get-SesFailureSummary -Kind Bounce -Total' {
        $reasons = @(Get-SesFailureSummary -Path $store @range -Kind Bounce -Total | Sort-Object Recipients -Descending)
        $rows = @(Get-TableRow $seen diagnostic-codes)
        $rows.Count | Should -Be ([math]::Min(15, $reasons.Count))
        $rows[0].recipients | Should -Be "$($reasons[0].Recipients)"
        foreach ($row in $rows) {
            $match = @($reasons | Where-Object { $_.Identity -eq $row.identity -and $_.Reason -eq $row.reason -and $_.Type -eq $row.bounceType -and $_.SubType -eq $row.bounceSubType })
            $match.Count | Should -Be 1 -Because "$($row.identity) $($row.reason) is one row of the command"
            $row.recipients | Should -Be "$($match[0].Recipients)"
            $row.status | Should -Be "$($match[0].Status)"
            $row.recipientDomains | Should -Be "$($match[0].RecipientDomains)"
        }
    }

    It 'counts hard-bounced recipients by domain as Get-SesFailureSummary -GroupBy RecipientDomain does' {
        $hard = Get-SesFailureSummary -Path $store @range -Kind Bounce -GroupBy RecipientDomain -Total |
            Where-Object Type -EQ Permanent | Group-Object RecipientDomain |
            ForEach-Object { [pscustomobject]@{ Domain = $_.Name; Recipients = ($_.Group | Measure-Object Recipients -Sum).Sum } }
        $domains = @(Get-TableRow $seen hard-bounce-domains)
        $domains.Count | Should -BeGreaterThan 0
        foreach ($row in $domains) { $row.recipients | Should -Be "$(($hard | Where-Object Domain -EQ $row.domain).Recipients)" }
        [long]$domains[0].recipients | Should -Be ($hard | Measure-Object Recipients -Maximum).Maximum
    }

    It 'shows the engagement of Get-SesEngagement -Total per identity and per campaign tag' {
        $byIdentity = @(Get-SesEngagement -Path $store @range -Total)
        $byTag = @(Get-SesEngagement -Path $store @range -GroupBy Tag:campaign -Total)
        foreach ($pair in @(@{ Table = 'engagement-identity'; Rows = $byIdentity; Name = { $_.Identity } }, @{ Table = 'engagement-tag'; Rows = $byTag; Name = { $_.Tag } })) {
            $rows = @(Get-TableRow $seen $pair.Table)
            $rows.Count | Should -Be $pair.Rows.Count
            foreach ($summary in $pair.Rows) {
                $name = & { $summary | ForEach-Object $pair.Name }
                $row = $rows | Where-Object name -EQ $name
                $row.deliveredRecipients | Should -Be "$($summary.DeliveredRecipients)" -Because $name
                $row.openedRecipients | Should -Be "$($summary.OpenedRecipients)"
                $row.clickedRecipients | Should -Be "$($summary.ClickedRecipients)"
                $row.proxyOpens | Should -Be "$($summary.ProxyOpens)"
                $row.openRate | Should -Be (Format-Rate $summary.OpenRate)
                $row.clickRate | Should -Be (Format-Rate $summary.ClickRate)
                $row.clickToOpenRate | Should -Be (Format-Rate $summary.ClickToOpenRate)
            }
        }
    }

    It 'shows the percentiles of Get-SesDeliveryTime -Total, which are the nearest-rank ones of the Delivery events' {
        $events = @(Get-SesEvent -Path $store Delivery @range)
        foreach ($summary in Get-SesDeliveryTime -Path $store @range -Total) {
            $row = Get-TableRow $seen delivery-times | Where-Object identity -EQ $summary.Identity
            $row.deliveries | Should -Be "$($summary.Deliveries)"
            $row.p50 | Should -Be "$($summary.P50.TotalMilliseconds)"
            $row.p90 | Should -Be "$($summary.P90.TotalMilliseconds)"
            $row.p99 | Should -Be "$($summary.P99.TotalMilliseconds)"
            $row.max | Should -Be "$($summary.Max.TotalMilliseconds)"
            $times = @(($events | Where-Object Identity -EQ $summary.Identity).Delivery.ProcessingTimeMillis | Sort-Object)
            $row.p90 | Should -Be "$($times[[math]::Ceiling(0.9 * $times.Count) - 1])"
        }
    }

    It 'compares each identity with the seven days before as Get-SesEventSummary -Total -Compare does' {
        $expected = @(Get-SesEventSummary -Path $store @range -Total -Compare)
        $rows = @(Get-TableRow $seen previous-period)
        $rows.Count | Should -Be $expected.Count
        foreach ($summary in $expected) {
            $row = $rows | Where-Object identity -EQ $summary.Identity
            $row.sentRecipients | Should -Be "$($summary.SentRecipients)"
            $row.previousSentRecipients | Should -Be "$($summary.PreviousSentRecipients)"
            $row.previousBounceRate | Should -Be (Format-Rate $summary.PreviousBounceRate)
            $row.bounceRateChange | Should -Be (Format-Rate $summary.BounceRateChange)
            $row.complaintRateChange | Should -Be (Format-Rate $summary.ComplaintRateChange)
            $row.previousStatus | Should -Be "$($summary.PreviousStatus)"
        }
    }

    It 'renders in the dark colour scheme without errors' {
        $dark = Invoke-ReportCheck $report 'Export-SesReport.dark' --dark
        $dark.consoleErrors | Should -BeNullOrEmpty
        $dark.pageErrors | Should -BeNullOrEmpty
        $dark.requests | Should -BeNullOrEmpty
        @($dark.charts | Where-Object { $_.series -ne $_.expectedSeries -or $_.painted -lt 1000 }) | Should -BeNullOrEmpty
    }

    It 'keeps a PNG screenshot and an A4 PDF as test artifacts' {
        Join-Path $artifacts 'Export-SesReport.png' | Should -Exist
        (Get-Item (Join-Path $artifacts 'Export-SesReport.png')).Length | Should -BeGreaterThan 50kb
        [IO.File]::ReadAllBytes((Join-Path $artifacts 'Export-SesReport.pdf'))[0..3] | Should -Be ([byte[]][char[]]'%PDF')
    }
}
