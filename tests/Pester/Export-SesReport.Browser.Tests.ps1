# Export-SesReport in a real browser: Debian's Chromium, headless, driven by tests/SesAnalytics.ReportCheck
# (PuppeteerSharp, no browser download). The page must log no error, request nothing, draw every chart with its series,
# and its tables must hold the numbers the query commands return for the same store and period, computed here from
# their output. The screenshots and the PDF are kept under out/test-artifacts/.

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

    It 'states the period, the store and the account at the top' {
        $seen.title | Should -Be 'SES event report 2024-03-08 to 2024-03-14'
        $seen.meta.Period | Should -Be '2024-03-08 to 2024-03-14 (UTC, 7 days)'
        $seen.meta.Store | Should -Be $store
        ($seen.meta.Account ?? $seen.meta.Accounts) | Should -Match '^\d{12}'
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
            $row.status | Should -Be ($summary.SentRecipients -lt 1000 -and "$($summary.Status)" -ne 'NoSends' ? 'LowVolume' : "$($summary.Status)")
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

    It 'counts bounced recipients by type and subtype, and hard ones by domain, as Get-SesBounce lists them' {
        $bounces = @(Get-SesBounce -Path $store @range)
        $rows = @(Get-TableRow $seen bounce-kinds)
        ($rows | Measure-Object { [long]$_.recipients } -Sum).Sum | Should -Be $bounces.Count
        foreach ($group in $bounces | Group-Object BounceType, BounceSubType) {
            $row = $rows | Where-Object { "$($_.bounceType), $($_.bounceSubType)" -eq $group.Name }
            $row.recipients | Should -Be "$($group.Count)"
        }
        $hard = $bounces | Where-Object BounceType -EQ Permanent | Group-Object { $_.EmailAddress.Split('@')[-1].ToLowerInvariant() }
        $domains = @(Get-TableRow $seen hard-bounce-domains)
        foreach ($row in $domains) { $row.recipients | Should -Be "$(($hard | Where-Object Name -EQ $row.domain).Count)" }
        [long]$domains[0].recipients | Should -Be ($hard | Measure-Object Count -Maximum).Maximum
    }

    It 'measures engagement and delivery times from the events Get-SesEvent returns' {
        $events = @(Get-SesEvent -Path $store Delivery, Open, Click @range)
        foreach ($identity in $events | Group-Object Identity) {
            $delivered = @($identity.Group | Where-Object EventType -EQ Delivery)
            $opened = @($identity.Group | Where-Object EventType -EQ Open | Select-Object -ExpandProperty MessageId -Unique)
            $clicked = @($identity.Group | Where-Object EventType -EQ Click | Select-Object -ExpandProperty MessageId -Unique)
            $row = Get-TableRow $seen engagement-identity | Where-Object name -EQ $identity.Name
            $row.delivered | Should -Be "$($delivered.Count)"
            $row.opened | Should -Be "$($opened.Count)"
            $row.clicked | Should -Be "$($clicked.Count)"
            $row.openRate | Should -Be (Format-Rate ($opened.Count / $delivered.Count))

            $times = @($delivered.Delivery.ProcessingTimeMillis | Sort-Object)
            $row = Get-TableRow $seen delivery-times | Where-Object identity -EQ $identity.Name
            $row.deliveries | Should -Be "$($times.Count)"
            $row.p50 | Should -Be "$($times[[math]::Ceiling(0.5 * $times.Count) - 1])"
            $row.p90 | Should -Be "$($times[[math]::Ceiling(0.9 * $times.Count) - 1])"
            $row.max | Should -Be "$($times[-1])"
        }
    }

    It 'compares each identity with the seven days before' {
        $previous = @(Get-SesEventSummary -Path $store -From 2024-03-01 -To 2024-03-07 -Total)
        foreach ($row in Get-TableRow $seen previous-period) {
            $before = $previous | Where-Object Identity -EQ $row.identity
            $row.previousSent | Should -Be "$([long]$before.Sends)"
            $row.previousBounceRate | Should -Be (Format-Rate $before.BounceRate)
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
