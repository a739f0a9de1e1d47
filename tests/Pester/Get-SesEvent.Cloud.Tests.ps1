# Get-SesEvent in the cloud: the -WorkGroup -Database -Table set, the -StackName set and the stack object from the
# pipeline, reading the lines table with Athena. Against the project's Athena fake (which also answers DescribeStacks
# and the bucket's identity listing), and every help example (store examples included).
# The -Path set's own tests are in Get-SesEvent.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesEvent -Minimum 6)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
}

Describe 'Get-SesEvent in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
        $store = New-TestFolder events-cloud
    }
    AfterEach {
        $fake.Dispose()
        Remove-TestFolder $store
    }

    It 'reads the lines table, constraining every partition column, with identities, types, days and message ids as execution parameters' {
        Get-SesEvent @cloud Complaint, Bounce -Identity example.com -From 2024-03-08 -To 2024-03-09 -MessageId m-1, "m'2" -Recipient '*@example.net' @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        $sql | Should -Match 'FROM "sesanalytics"\."events_lines"'
        $sql | Should -Match '"sender_identity" IN \(\?\)'
        $sql | Should -Match '"event_type" IN \(\?, \?\)'
        $sql | Should -Match '"day" IN \(\?, \?\)'
        $start[0].ExecutionParameters | Should -Be @("'example.com'", "'Bounce'", "'Complaint'", "'2024/03/08'", "'2024/03/09'", "'m-1'", "'m''2'")
        ([regex]::Matches($sql, '\?')).Count | Should -Be $start[0].ExecutionParameters.Count
        foreach ($value in 'example.com', '2024/03', 'm-1', 'example.net') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'returns typed events equal to those of -Path for the same lines, and the cost of the query' {
        $lines = @(
            @{ Type = 'Send'; Line = New-SesTestRecord Send example.com a@example.net }
            @{ Type = 'Bounce'; Line = New-SesTestRecord Bounce example.com a@example.net }
            @{ Type = 'Complaint'; Line = New-SesTestRecord Complaint example.com b@example.net }
        )
        $lines | ForEach-Object { Add-StoreObject $store example.com $_.Type $day @($_.Line) | Out-Null }
        $local = @(Get-SesEvent $store -From 2024-03-08 -To 2024-03-08)
        # Athena answers with the lines in the order the local query gave them.
        Set-AthenaResult $fake Event -Row @($local | ForEach-Object { ConvertTo-EventRow $_.Json example.com $day })

        $fromAthena = @(Get-SesEvent @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws -InformationVariable info)

        $fromAthena.Count | Should -Be 3
        ($fromAthena.EventType | ForEach-Object { "$_" } | Sort-Object) | Should -Be @('Bounce', 'Complaint', 'Send')
        ($fromAthena | ForEach-Object { $_.GetType() }) | Should -Be ($local | ForEach-Object { $_.GetType() })
        $properties = 'Identity', 'EventType', 'MessageId', 'Timestamp', 'Subject', 'Source', 'ConfigurationSet', 'Recipients', 'Json'
        ($fromAthena | ConvertTo-ComparableText -Property $properties) | Should -Be ($local | ConvertTo-ComparableText -Property $properties)
        ($fromAthena | Where-Object EventType -EQ Bounce).Bounce.BounceType | Should -Be 'Permanent'
        ($fromAthena | Where-Object EventType -EQ Complaint).Recipients | Should -Be 'b@example.net'
        @($info | Where-Object Tags -Contains 'Cost').Count | Should -Be 1
    }

    It 'asks Athena once, at the end, for the messages of every piped bounce, through the stack' {
        $recipients = 'a@example.net', 'b@example.net', 'c@example.net'
        Add-StoreObject $store example.com Bounce $day @($recipients | ForEach-Object { New-SesTestRecord Bounce example.com $_ }) | Out-Null

        Get-SesBounce $store -From 2024-03-08 -To 2024-03-08 | Get-SesEvent -StackName ses-analytics -Identity example.com -From 2024-03-08 -To 2024-03-09 @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $start[0].WorkGroup | Should -Be 'stack-wg'
        $start[0].QueryString | Should -Match 'FROM "sesanalytics"\."events_lines"'
        $start[0].ExecutionParameters | Should -Contain "'2024/03/09'"
        ($start[0].ExecutionParameters | Where-Object { $_ -like "'message-*" }) | Should -Be @($recipients | ForEach-Object { "'message-$_'" })
    }

    It 'takes message ids by property name from any piped object' {
        @([pscustomobject]@{ MessageId = 'm-1' }, [pscustomobject]@{ MessageId = 'm-2' }) |
            Get-SesEvent -StackName ses-analytics -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $start[0].ExecutionParameters | Select-Object -Last 2 | Should -Be @("'m-1'", "'m-2'")
    }

    It 'reads the lines table the stack from Get-SesAnalyticsStack names' {
        Get-SesAnalyticsStack -StackName ses-analytics @aws | Get-SesEvent -Identity example.com @aws

        $start = Get-AthenaCall $fake StartQueryExecution
        $start.WorkGroup | Should -Be 'stack-wg'
        $start.QueryString | Should -Match 'FROM "sesanalytics"\."events_lines"'
    }

    It 'a stack without the lines table is a StackOutdated error that says how to update it, and Athena is not asked' {
        $fake.StackHasLinesTable = $false

        $err = try { Get-SesEvent -StackName ses-analytics -Identity example.com @aws; $null } catch { $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'StackOutdated,SesAnalytics.Cmdlets.Commands.GetSesEventCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.TargetObject | Should -Be 'ses-analytics'
        $err.Exception.Message | Should -Match 'New-SesAnalyticsStack -StackName ses-analytics'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $fake.CallsTo('StartQueryExecution').Count | Should -Be 0
    }

    It 'a line that is not an SES event is one InvalidStoredEvent error, and the other events still come' {
        Set-AthenaResult $fake Event -Row @(
            , @('example.com', '2024/03/08', '{"eventType":"Nonsense"}')
            , @('example.com', '2024/03/08', (New-SesTestRecord Send example.com a@example.net)))

        $output = @(Get-SesEvent @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws -ErrorAction Continue 2>&1)

        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $events = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $events.EventType | Should -Be 'Send'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidStoredEvent,SesAnalytics.Cmdlets.Commands.GetSesEventCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -Match 'Nonsense'
        ($errors[0] | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }

    It 'matches -Recipient against the recipients each event is about, on the lines Athena returns' {
        Set-AthenaResult $fake Event -Row @(
            (ConvertTo-EventRow (New-SesTestRecord Bounce example.com a@example.net) example.com $day),
            (ConvertTo-EventRow (New-SesTestRecord Bounce example.com b@example.org) example.com $day))

        $events = @(Get-SesEvent @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 -Recipient 'A@*.NET' @aws)

        $events.Recipients | Should -Be 'a@example.net'
    }

    It 'renders events as a table at 80 and 120 columns and as a list' {
        Set-AthenaResult $fake Event -Row @(, (ConvertTo-EventRow (New-SesTestRecord Bounce example.com gone@example.net) example.com $day))
        $events = Get-SesEvent @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws

        foreach ($width in 80, 120) {
            Assert-ViewText $events -Width $width -Match 'Timestamp\s+EventType\s+Identity\s+Recipient\s+MessageId', '2024-03-08\s+Bounce\s+example\.com'
        }
        $events | Format-Table | Out-String -Width 120 | Should -Match 'gone@example\.net'
        Assert-ViewText $events -View List -Width 120 -Match 'EventType\s+: Bounce', 'Identity\s+: example\.com', 'MessageId\s+: message-gone@example\.net',
            'Recipients\s+: gone@example\.net', 'Detail\s+: Permanent/'
    }
}

Describe 'Get-SesEvent help example' {
    BeforeAll {
        $store = New-TestFolder event-examples
        New-ExampleStore $store
        $credentials = New-AwsCredentialsFile $store
    }
    AfterAll { Remove-TestFolder $store }

    It '<Title>' -ForEach $examples {
        Test-AthenaHelpExample Get-SesEvent $Code -Store $store -CredentialsFile $credentials -ExpectOutput -Then {
            param($fake)
            if ($Code -notmatch 'ses-store') {
                # One query per command; piped bounces are asked for in one query at the end.
                $starts = @(Get-AthenaCall $fake StartQueryExecution)
                $starts.Count | Should -Be ([regex]::Matches($Code, 'Get-SesBounce|Get-SesEvent\b').Count)
                if ($starts.Count -gt 1) { $starts[-1].ExecutionParameters | Should -Contain "'message-bounce@simulator.amazonses.com'" }
                Assert-FakeRequestScope $fake
            }
        }
    }
}
