# Get-SesFailureSummary in the cloud (-WorkGroup -Database -Table and -StackName), against the project's Athena fake:
# one part per kind, each constraining every partition column, values as parameters; Athena's raw codes normalised and
# folded into objects equal to the store's; and the cloud help example.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesFailureSummary -Minimum 4 | Where-Object { $_.Code -notmatch 'ses-store' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $columns = [string[]]('d', 'k0', 'kind', 'type', 'subtype', 'code', 'status', 'domain', '_col8', '_col9', '_col10')
    $types = [string[]](@('varchar') * 8 + @('bigint') * 3)
    # What Athena's statement gives for two hard bounces worded apart (addresses already blanked by its SQL) to two
    # gmail.com recipients: per raw code, a row per domain and a row for all domains.
    $rows = @(
        , @('2024/03/08', 'example.com', 'Bounce', 'Permanent', 'General', 'smtp; 550 5.1.1  ... User unknown', '5.1.1', 'gmail.com', 0, 1, 1)
        , @('2024/03/08', 'example.com', 'Bounce', 'Permanent', 'General', 'smtp; 550 5.1.1  ... User unknown', '5.1.1', $null, 1, 1, 1)
        , @('2024/03/08', 'example.com', 'Bounce', 'Permanent', 'General', 'smtp;550 5.1.1 user unknown', '5.1.1', 'gmail.com', 0, 1, 1)
        , @('2024/03/08', 'example.com', 'Bounce', 'Permanent', 'General', 'smtp;550 5.1.1 user unknown', '5.1.1', $null, 1, 1, 1)
    )
}

Describe 'Get-SesFailureSummary in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
        $store = New-TestFolder failures-cloud
    }
    AfterEach {
        $fake.Dispose()
        Remove-TestFolder $store
    }

    It 'reads each kind in its own part, constraining every partition column, every value a parameter' {
        Get-SesFailureSummary @cloud Reject, Bounce -Identity example.com -GroupBy Tag:campaign -From 2024-03-08 -To 2024-03-08 @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        ([regex]::Matches($sql, '"sender_identity" IN \(\?\)\s+AND "event_type" IN \(\?\)\s+AND "day" IN \(\?\)')).Count | Should -Be 2
        $sql | Should -Match 'GROUP BY GROUPING SETS'
        $start[0].ExecutionParameters | Should -Be @("'campaign'", "'example.com'", "'Bounce'", "'2024/03/08'", "'campaign'", "'example.com'", "'Reject'", "'2024/03/08'")
        foreach ($value in 'example.com', '2024/03', "'campaign'") { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'normalises and folds Athena''s raw codes into objects equal to those of -Path' {
        $bounce = {
            param($address, $code)
            $detail = [ordered]@{
                bounceType = 'Permanent'; bounceSubType = 'General'; timestamp = '2024-03-08T10:00:00.000Z'; feedbackId = "f-$address"
                bouncedRecipients = @([ordered]@{ emailAddress = $address; action = 'failed'; status = '5.1.1'; diagnosticCode = $code })
            }
            New-SesTestRecord Bounce example.com $address -Detail $detail
        }
        Add-StoreObject $store example.com Bounce $day @(
            & $bounce 'x@gmail.com' 'smtp; 550 5.1.1 <x@gmail.com>... User unknown'
            & $bounce 'y@gmail.com' 'smtp;550 5.1.1 user unknown'
        ) | Out-Null
        $fake.SetResults($columns, $types, [object[]]$rows)
        $properties = 'Identity', 'Group', 'Day', 'From', 'To', 'Kind', 'Type', 'SubType', 'Reason', 'Status', 'Events', 'Recipients', 'RecipientDomains'

        $local = @(Get-SesFailureSummary $store -From 2024-03-08 -To 2024-03-08)
        $fromAthena = @(Get-SesFailureSummary @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws)

        $fromAthena.Count | Should -Be 1
        $fromAthena[0].Reason | Should -Be '550 5.1.1 user unknown'
        $fromAthena[0].RecipientDomains | Should -Be 'gmail.com (2)'
        ($fromAthena | ConvertTo-ComparableText -Property $properties) | Should -Be ($local | ConvertTo-ComparableText -Property $properties)
    }
}

Describe 'Get-SesFailureSummary cloud help example' {
    BeforeAll {
        $store = New-TestFolder failure-examples
        $credentials = New-AwsCredentialsFile $store
    }
    AfterAll { Remove-TestFolder $store }

    It '<Title>' -ForEach $examples {
        $fake = New-AthenaFake
        try {
            $fake.SetResults($columns, $types, [object[]]($rows | ForEach-Object { , (@($null) + $_[1..10]) }))
            Set-AthenaResult -Fake $fake Bounce -Row @(ConvertTo-BounceRow (New-SesTestRecord Bounce example.com x@gmail.com) example.com $day) -Add
            $output = @(Invoke-HelpExample -Code $Code -Store $store -Fake $fake -CredentialsFile $credentials)

            $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
            ($output | Out-String) | Should -Not -Match ([regex]::Escape($secret))
            @($output | Where-Object { $_.PSObject.TypeNames -contains 'SesAnalytics.BounceRecord' }).Count | Should -Be 1
            @(Get-AthenaCall $fake StartQueryExecution).Count | Should -Be 2
        }
        finally { $fake.Dispose() }
    }
}
