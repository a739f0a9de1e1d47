# Get-SesEventSummary in the cloud: the -WorkGroup -Database -Table set, the -StackName set and the stack object from
# the pipeline, counted by Athena. Against the project's Athena fake (which also answers DescribeStacks and the bucket's
# identity listing), and every help example (store examples included).
# The -Path set's own tests are in Get-SesEventSummary.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesEventSummary -Minimum 6)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    # Athena's counts per identity, day and type: events, recipients, hard bounces, hard-bounced recipients, complained recipients.
    $counts = @(
        , @('example.com', '2024/03/08', 'Bounce', 2, 2, 1, 1, 0)
        , @('example.com', '2024/03/08', 'Send', 10, 20, 0, 0, 0)
        , @('example.com', '2024/03/09', 'Complaint', 1, 1, 0, 0, 1)
        , @('example.com', '2024/03/09', 'Send', 10, 20, 0, 0, 0)
    )
}

Describe 'Get-SesEventSummary in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'constrains every partition column (all ten event types) with identities, types and days as execution parameters' {
        Get-SesEventSummary @cloud -Identity example.com, no-identity -From 2024-03-08 -To 2024-03-09 @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        $sql | Should -Match 'FROM "sesanalytics"\."events"'
        $sql | Should -Match '"sender_identity" IN \(\?, \?\)'
        $sql | Should -Match '"event_type" IN \(\?(, \?){9}\)'
        $sql | Should -Match '"day" IN \(\?, \?\)'
        $parameters = $start[0].ExecutionParameters
        $parameters | Select-Object -First 2 | Should -Be @("'example.com'", "'no-identity'")
        $parameters | Select-Object -Last 2 | Should -Be @("'2024/03/08'", "'2024/03/09'")
        ($parameters | Select-Object -Skip 2 -First 10 | Sort-Object) | Should -Be @("'Bounce'", "'Click'", "'Complaint'", "'Delivery'", "'DeliveryDelay'",
            "'Open'", "'Reject'", "'Rendering Failure'", "'Send'", "'Subscription'")
        ([regex]::Matches($sql, '\?')).Count | Should -Be $parameters.Count
        foreach ($value in 'example.com', 'no-identity', '2024/03', 'Delivery') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'returns one typed summary per identity and day with rates and status, and the cost of the query' {
        $fake.SetResults([string[]]@('sender_identity', 'day', 'event_type', '_col3', '_col4', '_col5', '_col6', '_col7'),
            [string[]]@('varchar', 'varchar', 'varchar', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint'), $counts)

        $summaries = @(Get-SesEventSummary @cloud -Identity example.com -From 2024-03-08 -To 2024-03-09 @aws -InformationVariable info)

        $summaries.Count | Should -Be 2
        $summaries.ForEach({ $_.Day.ToString('yyyy-MM-dd') }) | Should -Be @('2024-03-08', '2024-03-09')
        $first = $summaries[0]
        $first.Identity | Should -Be 'example.com'
        $first.Sends | Should -Be 10
        $first.SentRecipients | Should -Be 20
        $first.Bounces | Should -Be 2
        $first.HardBounces | Should -Be 1
        $first.BounceRate | Should -Be 0.05
        "$($first.Status)" | Should -Be 'LowVolume' -Because '20 sent recipients are too few to judge'
        $summaries[1].Complaints | Should -Be 1
        $summaries[1].ComplaintRate | Should -Be 0.05
        "$($summaries[1].Status)" | Should -Be 'LowVolume'
        "$(@($info | Where-Object Tags -Contains 'Cost')[0].MessageData)" | Should -Match 'USD'
    }

    It 'with -Total returns one summary per identity for the whole range' {
        Set-AthenaResult $fake Summary -Row $counts

        $total = @(Get-SesEventSummary @cloud -Identity example.com -From 2024-03-08 -To 2024-03-09 -Total @aws)

        $total.Count | Should -Be 1
        $total[0].Day | Should -BeNullOrEmpty
        $total[0].From.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
        $total[0].To.ToString('yyyy-MM-dd') | Should -Be '2024-03-09'
        $total[0].Sends | Should -Be 20
        $total[0].SentRecipients | Should -Be 40
        $total[0].BounceRate | Should -Be 0.025
    }

    It 'lists the identities of -BucketName when no -Identity is given, and does not ask Athena when there are none' {
        $fake.BucketIdentities = @()

        $output = @(Get-SesEventSummary @cloud -BucketName other-bucket @aws -Verbose 4>&1)

        $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        $fake.CallsTo('S3:ListObjectsV2')[0].Path.TrimEnd('/') | Should -Be '/other-bucket'
        $fake.CallsTo('GetWorkGroup').Count | Should -Be 0
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 0
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'No sender identity in the bucket matches (any); Athena was not asked.'
    }

    It 'counts the identities under example.com of the stack from Get-SesAnalyticsStack' {
        $fake.BucketIdentities = @('alerts@example.net', 'mail.example.com', 'news.example.com')
        Set-AthenaResult $fake Summary -Row @(, @('mail.example.com', '2024/03/08', 'Send', 1, 1, 0, 0, 0))

        $total = @(Get-SesAnalyticsStack -StackName ses-analytics @aws | Get-SesEventSummary -Identity '*.example.com' -From 2024-03-08 -To 2024-03-08 -Total @aws)

        $total.Identity | Should -Be 'mail.example.com'
        $start = Get-AthenaCall $fake StartQueryExecution
        $start.WorkGroup | Should -Be 'stack-wg'
        $start.ExecutionParameters | Select-Object -First 2 | Should -Be @("'mail.example.com'", "'news.example.com'")
    }

    It 'a query the work group cancels is a terminating AthenaQueryCancelled error with Athena''s reason' {
        $fake.States = @('QUEUED', 'CANCELLED')
        $fake.StateChangeReason = 'Query exhausted resources: bytes scanned limit was exceeded'

        $err = try { Get-SesEventSummary @cloud -Identity example.com @aws; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -Be 'AthenaQueryCancelled,SesAnalytics.Cmdlets.Commands.GetSesEventSummaryCommand'
        $err.CategoryInfo.Category | Should -Be 'OperationStopped'
        $err.TargetObject | Should -Be ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $err.Exception.Message | Should -Match 'bytes scanned limit was exceeded'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'renders summaries as a table at 80 and 120 columns and as a list' {
        Set-AthenaResult $fake Summary -Row $counts
        $summaries = Get-SesEventSummary @cloud -Identity example.com -From 2024-03-08 -To 2024-03-09 @aws

        foreach ($width in 80, 120) {
            Assert-ViewText $summaries -Width $width -Match 'Day\s+Group\s+Sent\s+Bounced\s+Compl\.\s+Bounce%\s+Compl%\s+Status',
                '2024-03-08\s+example\.com\s+20\s+1\s+0\s+5\.00%\s+0\.00%\s+LowVolume', '2024-03-09\s+example\.com\s+20\s+0\s+1\s+0\.00%\s+5\.00%\s+LowVolume'
        }
        Assert-ViewText $summaries -View List -Width 80 -Match 'Identity\s+: example\.com', 'Sends\s+: 10', 'SentRecipients\s+: 20',
            'HardBounces\s+: 1', 'Status\s+: LowVolume'
    }
}

Describe 'Get-SesEventSummary help example' {
    BeforeAll {
        $store = New-TestFolder summary-examples
        New-ExampleStore $store
        $credentials = New-AwsCredentialsFile $store
    }
    AfterAll { Remove-TestFolder $store }

    It '<Title>' -ForEach $examples {
        Test-AthenaHelpExample Get-SesEventSummary $Code -Store $store -CredentialsFile $credentials -BucketIdentities example.com, mail.example.com -ExpectOutput -Then {
            param($fake)
            if ($Code -notmatch 'ses-store') {
                $fake.CallsTo('StartQueryExecution').Count | Should -Be 1
                Assert-FakeRequestScope $fake
            }
        }
    }
}
