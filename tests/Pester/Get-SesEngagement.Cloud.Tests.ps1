# Get-SesEngagement and Get-SesClickedLink in the cloud: the -WorkGroup -Database -Table set and the -StackName set,
# against the project's Athena fake, which answers with rows in the shape of the module's statements. The objects
# equal those of -Path for the same events; every help example that asks the stack runs.
# The -Path set's own tests are in Get-SesEngagement.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesEngagement -Minimum 5) + @(Get-HelpExampleTestCase Get-SesClickedLink -Minimum 3) |
        Where-Object { $_.Code -notmatch '\./ses-store' }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    $secret = Initialize-FakeAwsTest
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }
    $countTypes = [string[]]@('bigint') * 8

    # One message to r@example.net: delivered, opened a minute later, clicked two minutes later.
    $store = New-TestFolder engagement-cloud
    $at = [datetime]::new(2024, 3, 8, 12, 0, 0, [DateTimeKind]::Utc)
    $link = [ordered]@{ timestamp = $at.AddMinutes(2).ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0'; link = 'https://example.com/a'; linkTags = @{ kind = @('cta') } }
    $open = [ordered]@{ timestamp = $at.AddMinutes(1).ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0' }
    Add-StoreObject $store example.com Delivery $at @(New-SesTestRecord Delivery example.com r@example.net -Timestamp $at) | Out-Null
    Add-StoreObject $store example.com Open $at @(New-SesTestRecord Open example.com r@example.net -Timestamp $at -Detail $open) | Out-Null
    Add-StoreObject $store example.com Click $at @(New-SesTestRecord Click example.com r@example.net -Timestamp $at -Detail $link) | Out-Null
    # The same events as Athena's rows: day, identity, then delivered, opened (without and with proxy opens), clicked
    # recipients, opens (without and with), clicks and proxy opens.
    $engagementRow = @(, @('2024/03/08', 'example.com', 1, 1, 1, 1, 1, 1, 1, 0))

    function Assert-SameObjects($Local, $Cloud) {
        $Cloud.Count | Should -Be $Local.Count
        for ($i = 0; $i -lt $Local.Count; $i++) {
            foreach ($property in $Local[$i].PSObject.Properties.Name) {
                $Cloud[$i].$property | Should -Be $Local[$i].$property -Because "$property of row $i"
            }
        }
    }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEngagement in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'constrains every scan on the three partition columns, every value an execution parameter' {
        Get-SesEngagement @cloud -Identity example.com @range -GroupBy Identity, Tag:campaign @aws

        $start = @(Get-AthenaCall $fake StartQueryExecution)
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        ([regex]::Matches($sql, 'FROM "sesanalytics"\."events"')).Count | Should -Be 3
        ([regex]::Matches($sql, '"sender_identity" IN \(\?\)')).Count | Should -Be 3
        ([regex]::Matches($sql, '"event_type" IN \(\?\)')).Count | Should -Be 3
        $sql | Should -Match '"day" IN \(\?, \?, \?, \?\)' -Because 'deliveries are read a day either side of the range'
        ([regex]::Matches($sql, '"day" IN \(\?, \?\)')).Count | Should -Be 2
        $start[0].ExecutionParameters | Should -Be @(
            "'example.com'", "'Delivery'", "'2024/03/07'", "'2024/03/08'", "'2024/03/09'", "'2024/03/10'"
            "'example.com'", "'Open'", "'2024/03/08'", "'2024/03/09'"
            "'example.com'", "'Click'", "'2024/03/08'", "'2024/03/09'"
            "'5000'", "'campaign'", "'2024/03/08'", "'2024/03/09'")
        ([regex]::Matches($sql, '\?')).Count | Should -Be $start[0].ExecutionParameters.Count
        foreach ($value in 'example.com', '2024/03', 'campaign', '5000') { $sql | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'returns the objects -Path returns for the same events' {
        $fake.SetResults([string[]]@('day', 'group_1') + [string[]]@(1..8 | ForEach-Object { "_col$_" }), [string[]]@('varchar', 'varchar') + $countTypes, $engagementRow)

        $cloudRows = @(Get-SesEngagement @cloud -Identity example.com @range @aws)
        $localRows = @(Get-SesEngagement $store @range)

        $localRows.Count | Should -Be 1
        $localRows[0].OpenRate | Should -Be 1
        Assert-SameObjects $localRows $cloudRows
        $cloudRows[0] | Should -BeOfType ([SesAnalytics.EngagementSummary])
    }

    It 'a query the work group cancels is a terminating AthenaQueryCancelled error without a stack trace or secret' {
        $fake.States = @('QUEUED', 'CANCELLED')
        $fake.StateChangeReason = 'Query exhausted resources'

        $err = try { Get-SesEngagement @cloud -Identity example.com @aws; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -Be 'AthenaQueryCancelled,SesAnalytics.Cmdlets.Commands.GetSesEngagementCommand'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'Get-SesClickedLink in the cloud, against the Athena fake' {
    BeforeEach {
        $fake = New-AthenaFake
        $aws = Get-FakeAwsParameters $fake
    }
    AfterEach { $fake.Dispose() }

    It 'reads clicks of the range only, and returns the objects -Path returns' {
        $fake.SetResults([string[]]@('group_1', 'link', 'link_tags', '_col3', '_col4'), [string[]]@('varchar', 'varchar', 'varchar', 'bigint', 'bigint'),
            @(, @('example.com', 'https://example.com/a', 'kind=cta', 1, 1)))

        $cloudLinks = @(Get-SesClickedLink @cloud -Identity example.com @range @aws)
        $localLinks = @(Get-SesClickedLink $store @range)

        $start = Get-AthenaCall $fake StartQueryExecution
        $start.ExecutionParameters | Should -Be @("'example.com'", "'Click'", "'2024/03/08'", "'2024/03/09'")
        $localLinks.LinkTags | Should -Be 'kind=cta'
        Assert-SameObjects $localLinks $cloudLinks
    }
}

Describe 'Get-SesEngagement and Get-SesClickedLink cloud help example' {
    BeforeAll { $credentials = New-AwsCredentialsFile $store }

    It '<Title>' -ForEach $examples {
        $command = if ($Code -match 'Get-SesClickedLink') { 'Get-SesClickedLink' } else { 'Get-SesEngagement' }
        Test-AthenaHelpExample $command $Code -Store $store -CredentialsFile $credentials -BucketIdentities example.com -Then {
            param($fake)
            $fake.CallsTo('StartQueryExecution').Count | Should -Be 1
            Assert-FakeRequestScope $fake
        }
    }
}
