# Export-SesReport -Path without a browser: one file, nothing fetched from anywhere, values escaped, the data island
# equal to the query commands' answers, -WhatIf, -Force, -PassThru, the errors a user meets, and the help examples.
# The page in a real browser: Export-SesReport.Browser.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Export-SesReport -Minimum 4 | Where-Object { $_.Code -notmatch '-StackName' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule

    # The report's data island, parsed.
    function Get-ReportData([string] $Path) {
        $html = Get-Content -Raw -LiteralPath $Path
        $match = [regex]::Match($html, '<script type="application/json" id="report-data">(.*?)</script>', 'Singleline')
        $match.Success | Should -BeTrue
        $match.Groups[1].Value | ConvertFrom-Json -DateKind String
    }

    $store = New-TestFolder report
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $markup = '</script><b>x</b>'
    $tags = @{ campaign = $markup }
    Add-StoreObject $store example.com Send $day @(0..3 | ForEach-Object { New-SesTestRecord Send example.com "r$_@example.net" -Tags $tags }) | Out-Null
    Add-StoreObject $store example.com Delivery $day @(0..2 | ForEach-Object { New-SesTestRecord Delivery example.com "r$_@example.net" -Tags $tags }) | Out-Null
    Add-StoreObject $store example.com Bounce $day @(New-SesTestRecord Bounce example.com r3@bounces.example -Tags $tags) | Out-Null
    Add-StoreObject $store example.com Open $day @(New-SesTestRecord Open example.com r0@example.net -Tags $tags) | Out-Null
    Add-StoreObject $store 'x<b>y.example' Send $day.AddDays(1) @(New-SesTestRecord Send 'x<b>y.example' a@example.net) | Out-Null
    Add-StoreObject $store example.com Send $day.AddDays(-2) @(New-SesTestRecord Send example.com p@example.net -Timestamp $day.AddDays(-2)) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }
    $work = New-TestFolder report-out
}

AfterAll {
    Remove-TestFolder $store
    Remove-TestFolder $work
}

Describe 'Export-SesReport -Path' {
    BeforeAll {
        $file = Join-Path $work 'report.html'
        $output = @(Export-SesReport -Path $store @range -OutFile $file)
        $html = Get-Content -Raw -LiteralPath $file
        $data = Get-ReportData $file
    }

    It 'writes one HTML file and returns nothing without -PassThru' {
        $output | Should -BeNullOrEmpty
        $html | Should -Match '^<!DOCTYPE html>'
        Get-ChildItem $work -Force | Select-Object -ExpandProperty Name | Should -Be 'report.html'
    }

    It 'references nothing outside the file: no http(s) source or link, a CSP that allows no fetch' {
        $html | Should -Not -Match '(src|href|action)\s*=\s*["'']?\s*(https?:)?//'
        $html | Should -Not -Match '<link\b|<img\b|<iframe\b|@import|url\(\s*["'']?https?:'
        $html | Should -Match "default-src 'none'"
        ([regex]::Matches($html, '<script\b')).Count | Should -Be 3
        $html | Should -Match 'Chart\.js v4\.6\.2'
    }

    It 'escapes every value: markup in an identity or a tag cannot close the data script' {
        $island = [regex]::Match($html, 'id="report-data">(.*?)</script>', 'Singleline').Groups[1].Value
        $island | Should -Not -Match '<'
        $data.identities.identity | Should -Contain 'x<b>y.example'
        $data.engagement.byTag.name | Should -Be "campaign=$markup"
    }

    It 'holds the totals of Get-SesEventSummary -Total and its days' {
        $totals = @(Get-SesEventSummary -Path $store @range -Total)
        $data.identities.identity | Should -Be $totals.Identity
        $first = $data.identities[0]
        $first.sent | Should -Be $totals[0].Sends
        $first.delivered | Should -Be $totals[0].Deliveries
        $first.hardBouncedRecipients | Should -Be $totals[0].HardBouncedRecipients
        $first.bounceRate | Should -Be $totals[0].BounceRate
        $first.status | Should -Be 'LowVolume'
        $data.daily[0].days[0].day | Should -Be '2024-03-08'
        $data.from | Should -Be '2024-03-08'
        $data.source.kind | Should -Be 'Store'
        $data.source.name | Should -Be $store
        $data.source.accounts | Should -Be '000000000000' -Because 'the sending account of the store''s events heads the page'
    }

    It 'holds what Get-SesFailureSummary, Get-SesEngagement and Get-SesDeliveryTime answer, and the previous period of -Compare' {
        $reasons = @(Get-SesFailureSummary -Path $store @range -Kind Bounce -Total)
        $data.bounceKinds | Should -HaveCount 1
        $data.bounceKinds[0].recipients | Should -Be 1
        $data.diagnosticCodes[0].reason | Should -Be $reasons[0].Reason
        $data.diagnosticCodes[0].reason | Should -Match '^550 5\.1\.1'
        $data.diagnosticCodes[0].status | Should -Be $reasons[0].Status
        $data.diagnosticCodes[0].recipientDomains | Should -Be $reasons[0].RecipientDomains
        $data.hardBounceDomains[0].domain | Should -Be 'bounces.example'

        $engagement = @(Get-SesEngagement -Path $store @range -GroupBy Tag:campaign -Total)
        $data.engagement.campaignTag | Should -Be 'campaign'
        $tag = $data.engagement.byTag[0]
        $tag.deliveredRecipients | Should -Be 3
        $tag.deliveredRecipients, $tag.openedRecipients, $tag.clickedRecipients, $tag.proxyOpens |
            Should -Be $engagement[0].DeliveredRecipients, $engagement[0].OpenedRecipients, $engagement[0].ClickedRecipients, $engagement[0].ProxyOpens
        ($tag.openedRecipients + $tag.proxyOpens) | Should -BeGreaterThan 0 -Because 'the one open is either a person or a proxy'

        $times = @(Get-SesDeliveryTime -Path $store @range -Total)
        $data.deliveryTimes[0].p50 | Should -Be $times[0].P50.TotalMilliseconds
        $data.deliveryTimes[0].p50 | Should -Be 500

        $data.previousPeriod.from | Should -Be '2024-03-06'
        $example = $data.previousPeriod.identities | Where-Object identity -EQ example.com
        $example.previousSentRecipients | Should -Be 1
        $example.previousStatus | Should -Be 'LowVolume'
    }

    It 'measures engagement per the tag -CampaignTag names' {
        $other = Join-Path $work 'team.html'
        Export-SesReport -Path $store @range -OutFile $other -CampaignTag Team
        $team = Get-ReportData $other
        $team.engagement.campaignTag | Should -Be 'team'
        $team.engagement.byTag.name | Should -Be '(no team tag)'
        Remove-Item -LiteralPath $other
    }

    It 'returns the file with -PassThru, and replaces it only with -Force' {
        { Export-SesReport -Path $store @range -OutFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'ReportFileExists*'
        $item = Export-SesReport -Path $store @range -OutFile $file -Force -PassThru
        $item | Should -BeOfType [System.IO.FileInfo]
        $item.FullName | Should -Be $file
    }

    It 'writes nothing with -WhatIf' {
        $planned = Join-Path $work 'planned.html'
        Export-SesReport -Path $store @range -OutFile $planned -WhatIf
        $planned | Should -Not -Exist
    }

    It 'says what is wrong with -OutFile: <Case>' -ForEach @(
        @{ Case = 'a missing folder'; OutFile = 'missing/report.html'; ErrorId = 'ReportDirectoryNotFound*' }
        @{ Case = 'a folder'; OutFile = '.'; ErrorId = 'ReportPathIsFolder*' }
        @{ Case = 'another provider'; OutFile = 'variable:report'; ErrorId = 'ReportPathNotFileSystem*' }
    ) {
        Push-Location $work
        try { { Export-SesReport -Path $store @range -OutFile $OutFile -ErrorAction Stop } | Should -Throw -ErrorId $ErrorId }
        finally { Pop-Location }
    }

    It 'fails for a store that is not there, writing nothing' {
        $target = Join-Path $work 'none.html'
        { Export-SesReport -Path (Join-Path $work 'no-store') @range -OutFile $target -ErrorAction Stop } | Should -Throw -ErrorId 'StoreNotFound*'
        $target | Should -Not -Exist
    }

    It 'stays small: a report of 40 days of 30 identities is well under a few megabytes' {
        $big = New-TestFolder report-big
        try {
            $start = [datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
            foreach ($identity in 1..30 | ForEach-Object { "id$_.example" }) {
                $send = New-SesTestRecord Send $identity a@example.net -Timestamp $start
                foreach ($offset in 0..39) { Add-StoreObject $big $identity Send $start.AddDays($offset) @($send) | Out-Null }
            }
            $out = Join-Path $big 'big.html'
            Export-SesReport -Path $big -From $start -To $start.AddDays(39) -OutFile $out
            $report = Get-ReportData $out
            $report.identities | Should -HaveCount 30
            $report.daily | Should -HaveCount 25
            $report.daily[0].days | Should -HaveCount 40
            (Get-Item $out).Length | Should -BeLessThan 1mb
        }
        finally { Remove-TestFolder $big }
    }
}

Describe 'Export-SesReport help examples' {
    BeforeAll {
        $exampleStore = New-TestFolder report-example
        $start = [datetime]::new(2024, 3, 1, 0, 0, 0, [DateTimeKind]::Utc)
        Add-StoreObject $exampleStore example.com Send $start.AddDays(5) @(New-SesTestRecord Send example.com a@example.net -Timestamp $start.AddDays(5)) | Out-Null
    }

    AfterAll { Remove-TestFolder $exampleStore }

    It 'runs <Title>' -ForEach $examples {
        $folder = New-TestFolder report-example-run
        Push-Location $folder
        try {
            $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$exampleStore'"))) *>&1
            $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
            if ($Code -match '-WhatIf') { Get-ChildItem $folder | Should -BeNullOrEmpty }
            else { Get-ChildItem $folder -Filter *.html | Should -HaveCount 1 }
        }
        finally {
            Pop-Location
            Remove-TestFolder $folder
        }
    }
}
