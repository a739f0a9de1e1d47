# Get-SesConfigSetDestination as a user types it, against the SES v2 of the CloudFormation fake: moto 5.2.1 does not
# serve GetConfigurationSetEventDestinations (nor any event destination operation).

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $streamArn = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics'
    $roleArn = 'arn:aws:iam::123456789012:role/ses-analytics-SesRole'

    # A fake whose SES has marketing (a Firehose and an SNS destination) and transactional (a Firehose destination).
    function New-WiredFake {
        $fake = New-CloudFormationFake
        foreach ($set in 'marketing', 'transactional') { $null = $fake.Ses.ConfigurationSets.Add($set) }
        $firehose = @{ Enabled = $true; MatchingEventTypes = @('BOUNCE', 'COMPLAINT', 'RENDERING_FAILURE'); KinesisFirehoseDestination = @{ DeliveryStreamArn = $streamArn; IamRoleArn = $roleArn } }
        $fake.Ses.Destinations['marketing/sesanalytics-firehose'] = (@{ Name = 'sesanalytics-firehose' } + $firehose) | ConvertTo-Json -Depth 5
        $fake.Ses.Destinations['marketing/alerts'] = @{
            Name = 'alerts'; Enabled = $false; MatchingEventTypes = @('BOUNCE'); SnsDestination = @{ TopicArn = 'arn:aws:sns:us-east-1:123456789012:bounces' }
        } | ConvertTo-Json -Depth 5
        $fake.Ses.Destinations['transactional/sesanalytics-firehose'] = (@{ Name = 'sesanalytics-firehose' } + $firehose) | ConvertTo-Json -Depth 5
        $fake
    }
}

Describe 'Reading the destinations of configuration sets' {
    BeforeEach {
        $aws = New-WiredFake
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'returns every destination of the set: Firehose ones with their ARNs, others with them empty' {
        $destinations = @(Get-SesConfigSetDestination -ConfigurationSetName marketing @fakeAws | Sort-Object DestinationName)
        $destinations.DestinationName | Should -Be @('alerts', 'sesanalytics-firehose')
        $alerts, $firehose = $destinations
        $alerts.Enabled | Should -BeFalse
        $alerts.DeliveryStreamArn | Should -BeNullOrEmpty
        $alerts.IamRoleArn | Should -BeNullOrEmpty
        @($alerts.EventTypes | ForEach-Object ToString) | Should -Be @('Bounce')
        $firehose.Enabled | Should -BeTrue
        $firehose.ConfigurationSetName | Should -Be 'marketing'
        $firehose.DeliveryStreamArn | Should -Be $streamArn
        $firehose.IamRoleArn | Should -Be $roleArn
        @($firehose.EventTypes | ForEach-Object ToString) | Should -Be @('Bounce', 'Complaint', 'RenderingFailure')
        @($aws.Ses.Calls) | Should -Be @('GET configuration-sets/marketing/event-destinations')
    }

    It 'takes names by position, from the pipeline as text, and by property name from what Set-SesConfigSetDestination returns' {
        @(Get-SesConfigSetDestination marketing, transactional @fakeAws).Count | Should -Be 3
        @('transactional' | Get-SesConfigSetDestination @fakeAws).ConfigurationSetName | Should -Be @('transactional')
        $wired = Set-SesConfigSetDestination transactional -DeliveryStreamArn $streamArn -IamRoleArn $roleArn -EventType Send @fakeAws
        $read = @($wired | Get-SesConfigSetDestination @fakeAws)
        $read.ConfigurationSetName | Should -Be @('transactional')
        @($read[0].EventTypes | ForEach-Object ToString) | Should -Be @('Send')
    }

    It 'reports a configuration set that does not exist as ObjectNotFound for it, and goes on with the others' {
        $destinations = Get-SesConfigSetDestination nope, transactional @fakeAws -ErrorAction SilentlyContinue -ErrorVariable failures
        @($destinations).ConfigurationSetName | Should -Be @('transactional')
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id SesResourceNotFound -Category ObjectNotFound -Target 'nope' -Secret $secret `
            -MessageLike "SES GetConfigurationSetEventDestinations: the configuration set 'nope' does not exist in SES in this account and region.*"
    }

    It 'sends only requests the botocore model of SES v2 allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $null = Get-SesConfigSetDestination marketing, transactional @fakeAws
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe 'Parameters' {
    It 'takes -ConfigurationSetName at position 0, from the pipeline by value and by property name' {
        $command = Get-Command Get-SesConfigSetDestination
        $command.ParameterSets.Count | Should -Be 1
        $attribute = $command.Parameters['ConfigurationSetName'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        $attribute.Mandatory | Should -BeTrue
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $command.Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }
}

Describe 'Help examples' {
    BeforeAll {
        $examples = @(Get-HelpExampleCode Get-SesConfigSetDestination)
        $aws = New-WiredFake
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterAll { $aws.Dispose() }

    It 'has the one example tested here' {
        $examples.Title | Should -Be @('Example 1: See what a configuration set publishes')
    }

    It 'Example 1 lists each destination of marketing with its event types and delivery stream' {
        $destinations = @(Invoke-HelpExampleWithAwsDefault $examples[0].Code $fakeAws)
        $destinations.DestinationName | Sort-Object | Should -Be @('alerts', 'sesanalytics-firehose')
        $shown = $destinations | Out-String -Width 80
        $shown | Should -Match 'EventTypes'
        $destinations | Format-List | Out-String | Should -Match ([regex]::Escape('DeliveryStreamArn    : arn:aws:firehose:us-east-1:'))
    }
}

Describe 'The destinations as a table and as a list' {
    BeforeAll {
        $aws = New-WiredFake
        $fakeAws = Get-FakeAwsParameters $aws
        $destinations = Get-SesConfigSetDestination marketing @fakeAws | Sort-Object DestinationName
    }
    AfterAll { $aws.Dispose() }

    It 'shows ConfigurationSetName, DestinationName, Enabled and EventTypes in 80 columns' {
        Assert-ViewText $destinations -Width 80 -Match 'ConfigurationSetName\s+DestinationName\s+Enabled\s+EventTypes',
            'marketing\s+alerts\s+False\s+Bounce\s', 'marketing\s+sesanalytics-firehose\s+True\s+Bounce, Complaint,'
    }

    It 'shows the same columns in 120' {
        Assert-ViewText $destinations -Width 120 -Match 'Enabled\s+EventTypes', 'Bounce, Complaint,'
    }

    It 'lists every property of each destination' {
        $list = $destinations | Format-List | Out-String -Width 160
        ([regex]::Matches($list, 'ConfigurationSetName\s+: marketing')).Count | Should -Be 2
        $list | Should -Match 'DestinationName\s+: alerts'
        $list | Should -Match 'Enabled\s+: False'
        $list | Should -Match "IamRoleArn\s+: $([regex]::Escape($roleArn))"
    }
}
