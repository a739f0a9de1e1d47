# Get-SesDeliveryTime in the cloud (-WorkGroup -Database -Table and -StackName), against the project's Athena fake:
# the statement's partition constraints and parameters, objects equal to the store's, and the cloud help example.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesDeliveryTime -Minimum 4 | Where-Object { $_.Code -notmatch 'ses-store' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $times = [long[]](700, 120, 5300, 2400, 90)
    $columns = [string[]]('d', 'k0', 'deliveries', 'recipients', 'slowest', '_col5', '_col6', '_col7')
    $types = [string[]](@('varchar') * 2 + @('bigint') * 6)
    function Get-NearestRank([long[]] $Sorted, [int] $Percent) { $Sorted[[math]::Ceiling($Percent * $Sorted.Count / 100) - 1] }
    # The row Athena's statement gives for these deliveries of example.com on the day, worked out here.
    $sorted = [long[]]($times | Sort-Object)
    $row = @('2024/03/08', 'example.com', $times.Count, $times.Count, $sorted[-1], (Get-NearestRank $sorted 50), (Get-NearestRank $sorted 90), (Get-NearestRank $sorted 99))
}

Describe 'Get-SesDeliveryTime in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
        $store = New-TestFolder delivery-cloud
    }
    AfterEach {
        $fake.Dispose()
        Remove-TestFolder $store
    }

    It 'constrains every partition column, with identities, the Delivery type, days and tag names as execution parameters' {
        Get-SesDeliveryTime @cloud -Identity example.com -GroupBy Tag:campaign, RecipientDomain -From 2024-03-08 -To 2024-03-09 @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        $sql | Should -Match 'FROM "sesanalytics"\."events"'
        $sql | Should -Match '"sender_identity" IN \(\?\)\s+AND "event_type" IN \(\?\)\s+AND "day" IN \(\?, \?\)'
        $sql | Should -Match 'array_sort\(array_agg\(ms\)'
        $sql | Should -Not -Match 'approx_percentile'
        $start[0].ExecutionParameters | Should -Be @("'campaign'", "'example.com'", "'Delivery'", "'2024/03/08'", "'2024/03/09'")
        foreach ($value in 'example.com', '2024/03', 'campaign') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'returns objects equal to those of -Path for the same deliveries' {
        $lines = for ($i = 0; $i -lt $times.Count; $i++) {
            New-SesTestRecord Delivery example.com "r$i@example.net" -Detail ([ordered]@{ timestamp = '2024-03-08T10:00:00.000Z'; processingTimeMillis = $times[$i]; recipients = @("r$i@example.net") })
        }
        Add-StoreObject $store example.com Delivery $day $lines | Out-Null
        $fake.SetResults($columns, $types, [object[]]@(, $row))
        $properties = 'Identity', 'ConfigurationSet', 'RecipientDomain', 'FromDomain', 'Tag', 'Group', 'Day', 'From', 'To', 'Deliveries', 'DeliveredRecipients', 'P50', 'P90', 'P99', 'Max'

        $local = @(Get-SesDeliveryTime $store -From 2024-03-08 -To 2024-03-08)
        $fromAthena = @(Get-SesDeliveryTime @cloud -Identity example.com -From 2024-03-08 -To 2024-03-08 @aws)

        $fromAthena.Count | Should -Be 1
        ($fromAthena | ConvertTo-ComparableText -Property $properties) | Should -Be ($local | ConvertTo-ComparableText -Property $properties)
        $fromAthena[0].P90 | Should -Be ([timespan]::FromMilliseconds(5300))
        $fromAthena[0].PSObject.TypeNames[0] | Should -Be 'SesAnalytics.DeliveryTimeSummary'
    }
}

Describe 'Get-SesDeliveryTime cloud help example' {
    BeforeAll {
        $store = New-TestFolder delivery-examples
        $credentials = New-AwsCredentialsFile $store
    }
    AfterAll { Remove-TestFolder $store }

    It '<Title>' -ForEach $examples {
        $fake = New-AthenaFake
        try {
            $fake.SetResults($columns, $types, [object[]]@(, (@($null, 'gmail.com') + $row[2..7])))
            Push-Location $store
            try { $output = @(Invoke-HelpExample -Code $Code -Store $store -Fake $fake -CredentialsFile $credentials) }
            finally { Pop-Location }

            $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
            ($output | Out-String) | Should -Not -Match ([regex]::Escape($secret))
            $sql = @(Get-AthenaCall $fake StartQueryExecution)[0].QueryString
            $sql | Should -Match 'CROSS JOIN UNNEST'
            if ($Code -match 'Export-Csv') { Import-Csv (Join-Path $store 'delivery-times.csv') | Select-Object -ExpandProperty RecipientDomain | Should -Be 'gmail.com' }
        }
        finally { $fake.Dispose() }
    }
}
