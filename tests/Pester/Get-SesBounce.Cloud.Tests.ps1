# Get-SesBounce in the cloud: the -WorkGroup -Database -Table set, the -StackName set and the stack object from the
# pipeline, answered by Athena. Against the project's Athena fake (which also answers DescribeStacks and the bucket's
# identity listing), against moto's Athena, and every help example (store examples included).
# The -Path set's own tests are in Get-SesBounce.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesBounce -Minimum 6)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $bounceProperties = @('Identity', 'Day', 'MessageId', 'SendTime', 'Source', 'SendingAccountId', 'Subject', 'ConfigurationSet', 'SourceIp',
        'FromDomain', 'OutgoingIp', 'BounceType', 'BounceSubType', 'FeedbackId', 'BounceTime', 'ReportingMta', 'Action', 'Status', 'DiagnosticCode', 'EmailAddress')
}

Describe 'Get-SesBounce in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
        $store = New-TestFolder bounce-cloud
    }
    AfterEach {
        $fake.Dispose()
        Remove-TestFolder $store
    }

    It 'constrains every partition column, and sends every filter value as an execution parameter, never as SQL text' {
        Get-SesBounce @cloud -Identity example.com, mail.example.com -From 2024-03-07 -To 2024-03-09 -BounceType Permanent, Transient `
            -Recipient '*@example.net', "o'brien_*" @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $start[0].WorkGroup | Should -Be 'ses-analytics'
        $start[0].QueryExecutionContext.Database | Should -Be 'sesanalytics'
        $sql = $start[0].QueryString
        $sql | Should -Match 'FROM "sesanalytics"\."events"'
        $sql | Should -Match '"sender_identity" IN \(\?, \?\)'
        $sql | Should -Match '"event_type" IN \(\?\)'
        $sql | Should -Match '"day" IN \(\?, \?, \?\)'
        $sql | Should -Match 'bounce\.bouncetype IN \(\?, \?\)'
        $start[0].ExecutionParameters | Should -Be @("'example.com'", "'mail.example.com'", "'Bounce'", "'2024/03/07'", "'2024/03/08'", "'2024/03/09'",
            "'Permanent'", "'Transient'", "'%@example.net'", "'o''brien\_%'")
        ([regex]::Matches($sql, '\?')).Count | Should -Be $start[0].ExecutionParameters.Count
        foreach ($value in 'example.com', '2024/03', 'Permanent', 'Transient', 'example.net', 'brien') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'returns bounce objects equal to those of -Path for the same events' {
        $records = 'a@example.net', 'b@example.net' | ForEach-Object { New-SesTestRecord Bounce example.com $_ }
        Add-StoreObject $store example.com Bounce $day $records | Out-Null
        Set-AthenaResult $fake Bounce -Row @($records | ForEach-Object { ConvertTo-BounceRow $_ example.com $day })

        $local = @(Get-SesBounce $store -From 2024-03-08 -To 2024-03-08)
        $fromAthena = @(Get-SesBounce @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws)

        $fromAthena.Count | Should -Be 2
        $local.Count | Should -Be 2
        $fromAthena[0].GetType() | Should -Be $local[0].GetType()
        ($fromAthena | ConvertTo-ComparableText -Property $bounceProperties) | Should -Be ($local | ConvertTo-ComparableText -Property $bounceProperties)
        $fromAthena.EmailAddress | Should -Be @('a@example.net', 'b@example.net')
        $fromAthena[0].Day.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
        (Get-AthenaCall $fake StartQueryExecution).ExecutionParameters | Should -Be @("'example.com'", "'Bounce'", "'2024/03/08'")
        $fake.Requests | ForEach-Object { $_.Authorization | Should -Match '/us-east-1/athena/aws4_request' }
    }

    It 'matches a wildcard -Identity against the identities under partitioned/ of the work group''s result bucket' {
        $fake.BucketIdentities = @('alerts@example.net', 'example.com', 'mail.example.com')

        Get-SesBounce @cloud -Identity '*.example.com', 'example.com' @aws

        @(Get-AthenaCall $fake GetWorkGroup).WorkGroup | Should -Be 'ses-analytics'
        $listing = @($fake.CallsTo('S3:ListObjectsV2'))
        $listing.Count | Should -Be 1
        $listing[0].Path.TrimEnd('/') | Should -Be "/$([SesAnalytics.Fakes.Athena.AthenaFake]::Bucket)"
        $listing[0].QueryParameters['prefix'] | Should -Be 'partitioned/'
        $listing[0].QueryParameters['delimiter'] | Should -Be '/'
        $parameters = (Get-AthenaCall $fake StartQueryExecution).ExecutionParameters
        $parameters | Should -Contain "'example.com'"
        $parameters | Should -Contain "'mail.example.com'"
        $parameters -join ' ' | Should -Not -Match 'alerts'
    }

    It 'reads the work group, database, table and bucket from the stack named by <Form>' -ForEach @(
        @{ Form = '-StackName'; Script = { param($aws) Get-SesBounce -StackName ses-analytics -Identity '*.example.com' @aws } }
        @{ Form = 'a piped object with a StackName'; Script = { param($aws) [pscustomobject]@{ StackName = 'ses-analytics' } | Get-SesBounce -Identity '*.example.com' @aws } }
        @{ Form = 'Get-SesAnalyticsStack from the pipeline'; Script = { param($aws) Get-SesAnalyticsStack -StackName ses-analytics @aws | Get-SesBounce -Identity '*.example.com' @aws } }
    ) {
        $fake.BucketIdentities = @('example.com', 'mail.example.com')
        $today = (Get-Date).ToUniversalTime().Date

        & $Script $aws

        $fake.CallsTo('CloudFormation:DescribeStacks')[0].Form['StackName'] | Should -Be 'ses-analytics'
        $fake.CallsTo('S3:ListObjectsV2')[0].Path.TrimEnd('/') | Should -Be "/$([SesAnalytics.Fakes.Athena.AthenaFake]::Bucket)"
        $fake.CallsTo('GetWorkGroup').Count | Should -Be 0 -Because 'the stack names the bucket'
        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $start[0].WorkGroup | Should -Be 'stack-wg'
        $start[0].QueryExecutionContext.Database | Should -Be 'sesanalytics'
        $start[0].QueryString | Should -Match 'FROM "sesanalytics"\."events"\s'
        $start[0].ExecutionParameters | Should -Be @("'mail.example.com'", "'Bounce'", "'$($today.AddDays(-1).ToString('yyyy/MM/dd'))'", "'$($today.ToString('yyyy/MM/dd'))'")
    }

    It 'a stack that does not exist is a terminating StackNotFound error naming it, and Athena is not asked' {
        $err = try { Get-SesBounce -StackName no-such-stack -Identity example.com @aws; $null } catch { $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'StackNotFound,SesAnalytics.Cmdlets.Commands.GetSesBounceCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'no-such-stack'
        $err.Exception.Message | Should -Match "the stack 'no-such-stack' does not exist"
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 0
    }

    It 'a stack without the Athena outputs is a StackOutputsMissing error that says what to give instead' {
        $fake.Stack.Outputs.Remove('WorkGroup')

        $err = try { Get-SesBounce -StackName ses-analytics -Identity example.com @aws; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'StackOutputsMissing,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.TargetObject | Should -Be 'ses-analytics'
        $err.Exception.Message | Should -Match '-WorkGroup, -Database and -Table'
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 0
    }

    It 'a FAILED query is a terminating AthenaQueryFailed error with Athena''s reason, targeting the execution' {
        $fake.States = @('FAILED')
        $fake.StateChangeReason = 'HIVE_BAD_DATA: Error parsing field value'

        $err = try { Get-SesBounce @cloud -Identity example.com @aws; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -Be 'AthenaQueryFailed,SesAnalytics.Cmdlets.Commands.GetSesBounceCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err.TargetObject | Should -Be ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $err.Exception.Message | Should -Match 'HIVE_BAD_DATA: Error parsing field value'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'shows the Athena query''s progress while it runs' {
        $fake.States = @('QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED')
        $run = Invoke-CommandInRunspace "Get-SesBounce -WorkGroup ses-analytics -Database sesanalytics -Table events -Identity example.com $(Get-FakeAwsArgument $fake)"
        $progress = @($run.Progress | Where-Object Activity -EQ 'Running the Athena query')

        $progress | Where-Object StatusDescription -Match '^RUNNING, [\d.]+ s, 1.2 KB scanned$' | Should -Not -BeNullOrEmpty
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'stops the query in Athena at once when stopped as Ctrl+C stops it' {
        $fake.States = @('RUNNING')
        $stopped = Stop-CommandWhileQueryRuns $fake "Get-SesBounce -WorkGroup ses-analytics -Database sesanalytics -Table events -Identity example.com $(Get-FakeAwsArgument $fake)"

        $stopped.State | Should -Be 'Stopped'
        # The runner's own bound (a second) is the engine tests'; this one includes PowerShell stopping the pipeline.
        $stopped.Took.TotalSeconds | Should -BeLessThan 2
        $fake.CallsTo('StopQueryExecution').Count | Should -Be 1
    }

    It 'reads every result page' {
        $records = 1..5 | ForEach-Object { New-SesTestRecord Bounce example.com "r$_@example.net" }
        Set-AthenaResult $fake Bounce -Row @($records | ForEach-Object { ConvertTo-BounceRow $_ example.com $day }) -PageSize 2

        $bounces = @(Get-SesBounce @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws)

        $bounces.EmailAddress | Should -Be @(1..5 | ForEach-Object { "r$_@example.net" })
        $fake.CallsTo('GetQueryResults').Count | Should -Be 3
    }

    It 'writes the data scanned and the cost estimate as an information record tagged Cost' {
        $fake.DataScannedInBytes = 123456789

        Get-SesBounce @cloud -Identity example.com @aws -InformationVariable info | Out-Null

        $cost = @($info | Where-Object Tags -Contains 'Cost')
        $cost.Count | Should -Be 1
        "$($cost[0].MessageData)" | Should -Match 'scanned 117.7 MB, billed as 118 MB: about USD 0\.000'
    }

    It 'the -Path set needs no AWS credentials: a missing profile is never read' {
        Add-StoreObject $store example.com Bounce $day @(New-SesTestRecord Bounce example.com a@example.net) | Out-Null

        # The -Path set no longer takes the AWS parameters (issue 11, item 11): the missing profile comes from AWS_PROFILE.
        $run = Invoke-FreshPwsh -Script "`$env:AWS_PROFILE = 'does-not-exist'; Import-Module '$(Get-ModuleManifestPath)'; (Get-SesBounce '$store' -From 2024-03-08 -To 2024-03-08).EmailAddress"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Be 'a@example.net'
    }

    It 'renders bounces as a table at 80 and 120 columns and as a list' {
        Set-AthenaResult $fake Bounce -Row @(ConvertTo-BounceRow (New-SesTestRecord Bounce example.com gone@example.net) example.com $day)
        $bounces = Get-SesBounce @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws

        foreach ($width in 80, 120) {
            Assert-ViewText $bounces -Width $width -Match 'Day\s+Identity\s+EmailAddress\s+Type', '2024-03-08\s+example\.com\s+gone@example\.net\s+Permanent'
        }
        $bounces | Format-Table | Out-String -Width 120 | Should -Match 'SubType\s+Status'
        Assert-ViewText $bounces -View List -Width 80 -Match 'EmailAddress\s+: gone@example\.net', 'BounceType\s+: Permanent',
            'DiagnosticCode\s+: smtp; 550', 'MessageId\s+: message-gone@example\.net'
    }
}

Describe 'Get-SesBounce against moto''s Athena' {
    # moto 5.2.1 runs no SQL: the rows are registered through its API (POST /moto-api/static/athena/query-results) and it
    # returns them for the next execution, in one page, having scanned 0 bytes. Exact identities need no S3 listing.
    BeforeAll {
        $reason = Get-MotoSkipReason
        if (-not $reason) { $moto = Start-MotoServer }
    }
    AfterAll { if (-not $reason) { Stop-MotoServer $moto } }

    It 'asks moto''s Athena with the partition values as execution parameters and maps its rows to bounces' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        Reset-MotoServer $moto
        $records = 'a@example.net', 'b@example.net' | ForEach-Object { New-SesTestRecord Bounce example.com $_ }
        $shape = @{ Column = @('sender_identity', 'day', 'messageid', 'timestamp', 'source', 'sendingaccountid', 'subject', '_col7', '_col8', '_col9',
                '_col10', 'bouncetype', 'bouncesubtype', 'feedbackid', 'timestamp', 'reportingmta', 'action', 'status', 'diagnosticcode', 'emailaddress')
            Type = @('varchar') * 20 }
        Register-MotoAthenaResult $moto @shape -Row @($records | ForEach-Object { ConvertTo-BounceRow $_ example.com $day })

        $motoAws = $moto.AwsParameters
        $bounces = @(Get-SesBounce -WorkGroup primary -Database sesanalytics -Table events -Identity example.com -From 2024-03-08 -To 2024-03-08 @motoAws)

        $bounces.EmailAddress | Should -Be @('a@example.net', 'b@example.net')
        $bounces[0].BounceType | Should -Be 'Permanent'
        $bounces[0].Day.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
        $id = (Invoke-MotoAthena $moto ListQueryExecutions).QueryExecutionIds | Select-Object -First 1
        $execution = (Invoke-MotoAthena $moto GetQueryExecution @{ QueryExecutionId = $id }).QueryExecution
        $execution.ExecutionParameters | Should -Be @("'example.com'", "'Bounce'", "'2024/03/08'")
        $execution.Query | Should -Match 'FROM "sesanalytics"\."events"'
    }
}

Describe 'Get-SesBounce help example' {
    BeforeAll {
        $store = New-TestFolder bounce-examples
        New-ExampleStore $store
        $credentials = New-AwsCredentialsFile $store
    }
    AfterAll { Remove-TestFolder $store }

    It '<Title>' -ForEach $examples {
        Test-AthenaHelpExample Get-SesBounce $Code -Store $store -CredentialsFile $credentials -BucketIdentities example.com, mail.example.com -ExpectOutput -Then {
            param($fake)
            if ($Code -notmatch 'ses-store') {
                $fake.CallsTo('StartQueryExecution').Count | Should -Be 1
                Assert-FakeRequestScope $fake -Region ($Code -match '-Region (\S+)' ? $Matches[1] : 'us-east-1')
            }
        }
    }
}
