# Invoke-SesAthenaQuery: any SQL on Athena, its values as execution parameters, rows as typed objects. Against the
# project's Athena fake (states, statistics and pages a test sets), against moto's Athena, and every help example.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Invoke-SesAthenaQuery -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
}

Describe 'Invoke-SesAthenaQuery against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'returns one object per row whose properties are the columns in order, typed by Athena''s column metadata' {
        $fake.SetResults(
            @('name', 'n', 'big', 'ratio', 'ok', 'day', 'at', 'zoned', 'amount', 'tags'),
            @('varchar', 'integer', 'bigint', 'double', 'boolean', 'date', 'timestamp', 'timestamp with time zone', 'decimal(10,2)', 'array(varchar)'),
            @(
                @('example.com', '7', '9000000000', '0.5', 'true', '2024-03-08', '2024-03-08 17:14:29.713', '2024-03-08 17:14:29.713 UTC', '12.50', '[a, b]'),
                @('x', $null, $null, $null, $null, $null, $null, $null, $null, $null)))

        $rows = Invoke-SesAthenaQuery -Sql 'SELECT * FROM events WHERE sender_identity = ? AND day = ?' -Parameter 'example.com', '2024/03/08' -WorkGroup ses-analytics -Database sesanalytics @aws

        $rows.Count | Should -Be 2
        $rows[0].PSObject.Properties.Name | Should -Be @('name', 'n', 'big', 'ratio', 'ok', 'day', 'at', 'zoned', 'amount', 'tags')
        $rows[0].name | Should -BeOfType [string]
        $rows[0].n | Should -BeExactly 7
        $rows[0].n | Should -BeOfType [int]
        $rows[0].big | Should -BeExactly 9000000000
        $rows[0].big | Should -BeOfType [long]
        $rows[0].ratio | Should -BeOfType [double]
        $rows[0].ok | Should -BeTrue
        $rows[0].ok | Should -BeOfType [bool]
        $rows[0].day.ToString('yyyy-MM-dd') | Should -Be '2024-03-08'
        $rows[0].at.ToString('yyyy-MM-dd HH:mm:ss.fff') | Should -Be '2024-03-08 17:14:29.713'
        $rows[0].zoned.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss.fff') | Should -Be '2024-03-08 17:14:29.713'
        $rows[0].amount | Should -Be 12.50
        $rows[0].amount | Should -BeOfType [decimal]
        $rows[0].tags | Should -BeExactly '[a, b]'
        foreach ($column in 'n', 'big', 'ratio', 'ok', 'day', 'at', 'zoned', 'amount', 'tags') { $rows[1].$column | Should -BeNullOrEmpty -Because "$column is SQL NULL" }
        $rows | Where-Object n -GT 5 | ForEach-Object name | Should -Be 'example.com'
    }

    It 'sends each -Parameter value as an execution parameter, the literal of its type, and the SQL as written' {
        $sql = 'SELECT * FROM events WHERE sender_identity = ? AND note = ? AND n = ? AND r = ? AND ok = ? AND day = ? AND at = ? AND utc = ?'
        $values = @('example.com', "O'Brien", 7, 2.5, $true, [datetime]'2024-03-08',
            [datetimeoffset]'2024-03-08T18:14:29.713+01:00', [datetime]::new(2024, 3, 8, 17, 14, 29, 713, [DateTimeKind]::Utc))

        Invoke-SesAthenaQuery -Sql $sql -Parameter $values -WorkGroup ses-analytics -Database sesanalytics @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $start[0].QueryString | Should -BeExactly $sql
        $start[0].WorkGroup | Should -Be 'ses-analytics'
        $start[0].QueryExecutionContext.Database | Should -Be 'sesanalytics'
        $start[0].ClientRequestToken.Length | Should -BeGreaterOrEqual 32
        $start[0].ExecutionParameters | Should -Be @("'example.com'", "'O''Brien'", '7', "DOUBLE '2.5'", 'TRUE', "DATE '2024-03-08'",
            "TIMESTAMP '2024-03-08 17:14:29.713 UTC'", "TIMESTAMP '2024-03-08 17:14:29.713'")
    }

    It 'runs in the work group''s default database when -Database is not given, and sends no parameters when there are none' {
        Invoke-SesAthenaQuery 'SELECT 1 AS one' -WorkGroup primary @aws

        $start = Get-AthenaCall $fake StartQueryExecution
        $start.PSObject.Properties.Name | Should -Not -Contain 'QueryExecutionContext'
        $start.PSObject.Properties.Name | Should -Not -Contain 'ExecutionParameters'
    }

    It 'refuses a parameter Athena cannot take, before any query starts' {
        $err = try { Invoke-SesAthenaQuery 'SELECT 1 WHERE x = ?' -Parameter ([guid]::Empty) -WorkGroup primary @aws; $null } catch { $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'UnsupportedAthenaParameter,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'Guid'
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 0
    }

    It 'shows the query''s state, time and data scanned while it runs, and completes the progress bar' {
        $fake.States = @('QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED')
        $run = Invoke-CommandInRunspace "Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup primary $(Get-FakeAwsArgument $fake)"
        $progress = $run.Progress
        $run.Errors | Should -BeNullOrEmpty

        $fake.CallsTo('GetQueryExecution').Count | Should -Be 4
        $ours = @($progress | Where-Object Activity -EQ 'Running the Athena query')
        $ours | Where-Object { $_.StatusDescription -match '^RUNNING, [\d.]+ s, 1.2 KB scanned$' } | Should -Not -BeNullOrEmpty
        $ours | Where-Object CurrentOperation -EQ ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId) | Should -Not -BeNullOrEmpty
        $ours[-1].RecordType | Should -Be 'Completed'
    }

    It 'stops the query in Athena (StopQueryExecution) at once when stopped as Ctrl+C stops it' {
        $fake.States = @('RUNNING')
        $stopped = Stop-CommandWhileQueryRuns $fake "Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup primary $(Get-FakeAwsArgument $fake)"

        $stopped.State | Should -Be 'Stopped'
        $stopped.Took.TotalSeconds | Should -BeLessThan 2 -Because 'stopping waits for StopQueryExecution only'
        $stop = @(Get-AthenaCall $fake StopQueryExecution)
        $stop.Count | Should -Be 1
        $stop[0].QueryExecutionId | Should -Be ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $fake.CallsTo('GetQueryResults').Count | Should -Be 0
    }

    It 'a <State> query is a terminating <ErrorId> error carrying Athena''s reason, without a stack trace or secret' -ForEach @(
        @{ State = 'FAILED'; ErrorId = 'AthenaQueryFailed'; Category = 'InvalidOperation' }
        @{ State = 'CANCELLED'; ErrorId = 'AthenaQueryCancelled'; Category = 'OperationStopped' }
    ) {
        $fake.States = @('RUNNING', $State)
        $fake.StateChangeReason = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved"

        $err = try { Invoke-SesAthenaQuery 'SELECT nope FROM events' -WorkGroup primary @aws; $null } catch { $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "$ErrorId,SesAnalytics.Cmdlets.Commands.InvokeSesAthenaQueryCommand"
        $err.CategoryInfo.Category | Should -Be $Category
        $err.TargetObject | Should -Be ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $err.Exception.Message | Should -Match ([regex]::Escape("Column 'nope' cannot be resolved"))
        $err.Exception.Message | Should -Match ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $fake.CallsTo('GetQueryResults').Count | Should -Be 0
    }

    It 'reads every page of a large result, asking for the next page with its token' {
        $rows = foreach ($i in 1..2500) { , @($i, "row $i") }
        $fake.SetResults(@('n', 'word'), @('integer', 'varchar'), $rows)

        $result = Invoke-SesAthenaQuery 'SELECT n, word FROM numbers' -WorkGroup primary @aws

        $result.Count | Should -Be 2500
        ($result | Measure-Object n -Sum).Sum | Should -Be (2500 * 2501 / 2)
        $pages = @(Get-AthenaCall $fake GetQueryResults)
        $pages.Count | Should -Be 3
        $pages[0].PSObject.Properties.Name | Should -Not -Contain 'NextToken'
        $pages[1].NextToken | Should -Be 'page-1'
        $pages[2].NextToken | Should -Be 'page-2'
        $pages | ForEach-Object { $_.MaxResults | Should -BeLessOrEqual 1000 }
    }

    It 'writes the data scanned and the cost estimate to the information stream (tag Cost) and to verbose' {
        $fake.DataScannedInBytes = 1234

        $null = Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup primary @aws -InformationVariable info -Verbose 4>&1 | Tee-Object -Variable streams

        $cost = @($info | Where-Object Tags -Contains 'Cost')
        $cost.Count | Should -Be 1
        "$($cost[0].MessageData)" | Should -Match 'billed as 10 MB: about USD 0\.000048'
        "$($cost[0].MessageData)" | Should -Match ([SesAnalytics.Fakes.Athena.AthenaFake]::ExecutionId)
        $verbose = ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
        $verbose | Should -Match 'scanned 1234 bytes'
        $verbose | Should -Match "started in work group 'primary'"
        $verbose | Should -Not -Match ([regex]::Escape($secret))
        ((Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup primary @aws 6>&1 | Out-String)) | Should -Match 'USD'
    }

    It 'signs every call with SigV4 for athena in the region, and never sends the secret' {
        Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup primary @aws

        $fake.Requests.Count | Should -Be 3
        foreach ($request in $fake.Requests) {
            $request.Authorization | Should -Match "^AWS4-HMAC-SHA256 Credential=$([SesAnalytics.Fakes.LoopbackServer]::AccessKey)/\d{8}/us-east-1/athena/aws4_request"
            $request.ContentType | Should -Be 'application/x-amz-json-1.1'
            "$($request.Authorization) $($request.Body)" | Should -Not -Match ([regex]::Escape($secret))
        }
    }

    It 'renders rows as a table at 80 and 120 columns and as a list' {
        $fake.SetResults(@('event_type', 'events', 'recipients'), @('varchar', 'bigint', 'bigint'), @(@('Bounce', 2, 2), @('Send', 10, 20)))
        $rows = Invoke-SesAthenaQuery 'SELECT event_type, count(*) AS events, sum(cardinality(mail.destination)) AS recipients FROM events GROUP BY 1' -WorkGroup primary @aws

        foreach ($width in 80, 120) {
            Assert-ViewText $rows -Width $width -Match 'event_type\s+events\s+recipients', 'Bounce\s+2\s+2', 'Send\s+10\s+20'
        }
        Assert-ViewText $rows -View List -Width 80 -Match 'event_type\s+: Send', 'recipients\s+: 20'
    }
}

Describe 'Invoke-SesAthenaQuery against moto' {
    # moto 5.2.1 serves StartQueryExecution, GetQueryExecution and GetQueryResults, but runs no SQL: a query's rows are
    # the ones registered through moto's API (POST /moto-api/static/athena/query-results), the next set per execution.
    # It reports 0 bytes scanned, returns every row in one page (no NextToken), and its execution goes QUEUED, RUNNING,
    # SUCCEEDED immediately. Work groups must exist ("primary" always does).
    BeforeAll {
        $reason = Get-MotoSkipReason
        if (-not $reason) { $moto = Start-MotoServer }
    }
    AfterAll { if (-not $reason) { Stop-MotoServer $moto } }
    BeforeEach {
        if (-not $reason) {
            Reset-MotoServer $moto
            $aws = $moto.AwsParameters
        }
    }

    It 'runs the statement in moto''s Athena with its execution parameters, and returns the registered rows typed' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        Register-MotoAthenaResult $moto -Column email, events -Type varchar, bigint -Row @(@('a@example.net', 3), @('b@example.net', $null))

        $rows = Invoke-SesAthenaQuery 'SELECT email, count(*) AS events FROM events WHERE sender_identity = ? AND day = ? GROUP BY email' `
            -Parameter 'example.com', '2024/03/08' -WorkGroup primary -Database sesanalytics @aws -InformationVariable info

        $rows.Count | Should -Be 2
        $rows[0].email | Should -Be 'a@example.net'
        $rows[0].events | Should -BeExactly 3L
        $rows[1].events | Should -BeNullOrEmpty
        "$($info | Where-Object Tags -Contains 'Cost' | ForEach-Object MessageData)" | Should -Match 'scanned 0 B, billed as 10 MB'
        $id = (Invoke-MotoAthena $moto ListQueryExecutions).QueryExecutionIds | Select-Object -First 1
        $execution = (Invoke-MotoAthena $moto GetQueryExecution @{ QueryExecutionId = $id }).QueryExecution
        $execution.ExecutionParameters | Should -Be @("'example.com'", "'2024/03/08'")
        $execution.QueryExecutionContext.Database | Should -Be 'sesanalytics'
        $execution.WorkGroup | Should -Be 'primary'
        $execution.Query | Should -Match 'sender_identity = \? AND day = \?'
    }

    It 'a work group that does not exist is an error with Athena''s message, without a stack trace or secret' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }

        $err = try { Invoke-SesAthenaQuery 'SELECT 1' -WorkGroup no-such-group @aws; $null } catch { $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidRequestException,*'
        $err.Exception.Message | Should -Match 'WorkGroup does not exist'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($moto.AwsParameters.SecretKey))
    }
}

Describe 'Invoke-SesAthenaQuery help example' {
    BeforeAll {
        $folder = New-TestFolder athena-examples
        $credentials = New-AwsCredentialsFile $folder
    }
    AfterAll { Remove-TestFolder $folder }

    It '<Title>' -ForEach $examples {
        Test-AthenaHelpExample Invoke-SesAthenaQuery $Code -Store $folder -CredentialsFile $credentials -Then {
            param($fake, $output)
            $fake.CallsTo('StartQueryExecution').Count | Should -Be 1
            Assert-FakeRequestScope $fake -Region ($Code -match '-Region (\S+)' ? $Matches[1] : 'us-east-1') -Service athena
            @($output | Where-Object { $_ -is [psobject] -and $_.PSObject.Properties['events'] }).Count | Should -Be 2
        }
    }
}
