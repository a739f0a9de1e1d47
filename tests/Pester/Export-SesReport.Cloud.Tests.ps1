# Export-SesReport in the cloud, against the project's Athena fake (which also answers DescribeStacks and the bucket's
# identity listing): seven queries, the query commands' own (the summaries per day and with -Total -Compare, the
# bounce failures by identity and by recipient domain, the engagement by identity and by campaign, the delivery
# times), each constrained on the three partition columns with every value a parameter, and the -StackName help
# example. The -Path set: Export-SesReport.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Export-SesReport -Minimum 4 | Where-Object { $_.Code -match '-StackName' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
    $work = New-TestFolder report-cloud
}

AfterAll { Remove-TestFolder $work }

Describe 'Export-SesReport against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'asks seven constrained, parameterised queries and writes the report of what they answer' {
        # In the order the report asks: the days, the totals with the previous period, then five with no rows.
        Set-AthenaResult $fake Summary -Row @(, @('example.com', '2024/03/08', 'Send', 10, 20, 0, 0, 0))
        Set-AthenaResult $fake Summary -Row @(@('example.com', '2024/03/06', 'Send', 4, 5, 0, 0, 0), @('example.com', '2024/03/08', 'Send', 10, 20, 0, 0, 0)) -Add
        1..5 | ForEach-Object { Set-AthenaResult $fake Summary -Row @() -Add }
        $out = Join-Path $work 'cloud.html'

        Export-SesReport -WorkGroup ses-analytics -Database sesanalytics -Table events -Identity example.com -From 2024-03-08 -To 2024-03-09 -OutFile $out -Force @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 7
        foreach ($call in $start) {
            $call.QueryString | Should -Match '"sender_identity" IN \(\?\)'
            $call.QueryString | Should -Match '"event_type" IN \(\?'
            $call.QueryString | Should -Match '"day" IN \(\?(, \?)+\)'
            $call.QueryString | Should -Not -Match 'example\.com|2024/03'
            $call.ExecutionParameters | Should -Contain "'example.com'"
        }
        @($start | Where-Object { $_.ExecutionParameters -contains "'2024/03/06'" }).Count | Should -Be 1 -Because 'the previous period is counted once'
        $html = Get-Content -Raw -LiteralPath $out
        $data = [regex]::Match($html, 'id="report-data">(.*?)</script>', 'Singleline').Groups[1].Value | ConvertFrom-Json
        $data.identities.sent | Should -Be 10
        $data.previousPeriod.identities.sentRecipients | Should -Be 20
        $data.previousPeriod.identities.previousSentRecipients | Should -Be 5
        $data.source.accounts | Should -BeNullOrEmpty -Because 'a table named by hand has no stack to tell its account'
        $html | Should -Match '"kind":"Athena table","name":"sesanalytics.events \(work group ses-analytics\)","region":"us-east-1"'
        $html | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'runs <Title>' -ForEach $examples {
        $folder = New-TestFolder report-cloud-example
        Push-Location $folder
        try {
            Test-AthenaHelpExample -Command Export-SesReport -Code $Code -Store $folder -CredentialsFile (New-AwsCredentialsFile $folder) -Then {
                param($Fake, $Output)
                @(Get-AthenaCall $Fake StartQueryExecution).Count | Should -Be 7
                Get-ChildItem $folder -Filter *.html | Should -HaveCount 1
            }
        }
        finally {
            Pop-Location
            Remove-TestFolder $folder
        }
    }
}
