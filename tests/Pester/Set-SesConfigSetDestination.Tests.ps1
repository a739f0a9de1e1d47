# Set-SesConfigSetDestination as a user types it, against the CloudFormation fake and its SES v2 (one endpoint, as the
# module calls every service at the one -EndpointUrl). Not against moto: moto 5.2.1 has no configuration-set event
# destinations (Create/Update/GetConfigurationSetEventDestinations) nor PutEmailIdentityConfigurationSetAttributes,
# and its GetConfigurationSet answers SendingOptions.SendingEnabled as an object instead of a boolean (a moto defect,
# not the module's to work around), so even the first call of the command cannot be played there.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $streamArn = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics'
    $roleArn = 'arn:aws:iam::123456789012:role/ses-analytics-SesRole'
    $allTypes = 'Send', 'Reject', 'Bounce', 'Complaint', 'Delivery', 'Open', 'Click', 'RenderingFailure', 'DeliveryDelay', 'Subscription'
}

Describe 'Wiring a configuration set to the stack' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $aws.Exists = $true
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'creates the set and the destination from the piped stack; a second run updates the same destination' {
        $aws.Ses.Identities['mail.example.com'] = $true
        $stack = Get-SesAnalyticsStack ses-analytics @fakeAws
        $first = $stack | Set-SesConfigSetDestination -ConfigurationSetName marketing -DefaultForIdentity mail.example.com @fakeAws
        $second = $stack | Set-SesConfigSetDestination -ConfigurationSetName marketing -DefaultForIdentity mail.example.com @fakeAws

        foreach ($wired in $first, $second) {
            $wired.ConfigurationSetName | Should -Be 'marketing'
            $wired.DestinationName | Should -Be 'sesanalytics-firehose'
            $wired.Enabled | Should -BeTrue
            $wired.DeliveryStreamArn | Should -Be $streamArn
            $wired.IamRoleArn | Should -Be $roleArn
            @($wired.EventTypes | ForEach-Object ToString) | Should -Be $allTypes
        }
        @($aws.Ses.Calls | Where-Object { $_ -eq 'POST configuration-sets' }).Count | Should -Be 1
        @($aws.Ses.Calls | Where-Object { $_ -eq 'POST configuration-sets/marketing/event-destinations' }).Count | Should -Be 1
        @($aws.Ses.Calls | Where-Object { $_ -eq 'PUT configuration-sets/marketing/event-destinations/sesanalytics-firehose' }).Count | Should -Be 1
        $aws.Ses.DefaultConfigurationSets['mail.example.com'] | Should -Be 'marketing'
        $destination = $aws.Ses.Destinations['marketing/sesanalytics-firehose'] | ConvertFrom-Json
        $destination.Enabled | Should -BeTrue
        $destination.MatchingEventTypes | Should -Be @('SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'OPEN', 'CLICK', 'RENDERING_FAILURE', 'DELIVERY_DELAY', 'SUBSCRIPTION')
        $destination.KinesisFirehoseDestination.DeliveryStreamArn | Should -Be $streamArn
        $destination.KinesisFirehoseDestination.IamRoleArn | Should -Be $roleArn
        @($aws.Actions) | Should -Be @('DescribeStacks') -Because 'the piped stack carries the ARNs; CloudFormation is not asked again'
    }

    It 'reads the ARNs from the stack named by -StackName, and Get-SesConfigSetDestination shows the wiring' {
        $aws.Ses.ConfigurationSets.Add('marketing')
        $null = Set-SesConfigSetDestination -ConfigurationSetName marketing -StackName ses-analytics -EventType Bounce, Complaint @fakeAws
        $wired = @(Get-SesConfigSetDestination -ConfigurationSetName marketing @fakeAws)
        $wired.Count | Should -Be 1
        $wired[0].DeliveryStreamArn | Should -Be $streamArn
        $wired[0].Enabled | Should -BeTrue
        @($wired[0].EventTypes | ForEach-Object ToString) | Should -Be @('Bounce', 'Complaint')
        @($aws.Ses.Calls) | Should -Not -Contain 'POST configuration-sets'
        $aws.FormsOf('DescribeStacks')[0]['StackName'] | Should -Be 'ses-analytics'
    }

    It 'takes the two ARNs instead of a stack, and another destination name' {
        $wired = Set-SesConfigSetDestination marketing -DeliveryStreamArn $streamArn -SesRoleArn $roleArn -DestinationName to-firehose -EventType Delivery @fakeAws
        $wired.DestinationName | Should -Be 'to-firehose'
        $aws.Ses.Destinations.Keys | Should -Be @('marketing/to-firehose')
        @($aws.Actions) | Should -BeNullOrEmpty
    }

    It 'sends only requests the botocore models of CloudFormation and SES v2 allow' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $aws.Ses.Identities['mail.example.com'] = $true
        $null = Set-SesConfigSetDestination marketing -StackName ses-analytics -DefaultForIdentity mail.example.com @fakeAws
        $null = Set-SesConfigSetDestination marketing -StackName ses-analytics @fakeAws
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe 'Identities that cannot take the configuration set' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
        $aws.Ses.Identities['pending.example.com'] = $false
        $aws.Ses.Identities['mail.example.com'] = $true
    }
    AfterEach { $aws.Dispose() }

    It 'reports an unverified identity as IdentityNotVerified for it, and makes the set the default of the others' {
        $wired = Set-SesConfigSetDestination marketing -DeliveryStreamArn $streamArn -IamRoleArn $roleArn `
            -DefaultForIdentity pending.example.com, mail.example.com @fakeAws -ErrorAction SilentlyContinue -ErrorVariable failures
        @($wired).Count | Should -Be 1
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id IdentityNotVerified -Category InvalidOperation -Target 'pending.example.com' -Secret $secret `
            -MessageLike "The identity 'pending.example.com' is not verified (status PENDING), so 'marketing' was not made its default.*"
        $aws.Ses.DefaultConfigurationSets['mail.example.com'] | Should -Be 'marketing'
        $aws.Ses.DefaultConfigurationSets.ContainsKey('pending.example.com') | Should -BeFalse
    }

    It 'reports an identity SES does not know as IdentityNotFound for it' {
        $null = Set-SesConfigSetDestination marketing -DeliveryStreamArn $streamArn -IamRoleArn $roleArn `
            -DefaultForIdentity nobody.example.com, mail.example.com @fakeAws -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id IdentityNotFound -Category ObjectNotFound -Target 'nobody.example.com' -Secret $secret `
            -MessageLike "The identity 'nobody.example.com' is not an SES identity of this account and region*"
        $aws.Ses.DefaultConfigurationSets['mail.example.com'] | Should -Be 'marketing'
    }
}

Describe 'A stack that cannot be wired' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'stops with StackNotFound when -StackName names no stack, and touches SES not at all' {
        $failure = $null
        try { Set-SesConfigSetDestination marketing -StackName nope @fakeAws } catch { $failure = $_ }
        Assert-ErrorRecord $failure -Id StackNotFound -Category ObjectNotFound -Target 'nope' -Secret $secret -MessageLike "*the stack 'nope' does not exist*"
        @($aws.Ses.Calls) | Should -BeNullOrEmpty
    }

    It 'stops with StackOutputsMissing when the stack has no SesRoleArn output yet' {
        $aws.Exists = $true
        $null = $aws.Outputs.Remove('SesRoleArn')
        $failure = $null
        try { Set-SesConfigSetDestination marketing -StackName ses-analytics @fakeAws } catch { $failure = $_ }
        Assert-ErrorRecord $failure -Id StackOutputsMissing -Category InvalidData -Target 'ses-analytics' -Secret $secret `
            -MessageLike "The stack 'ses-analytics' has no DeliveryStreamArn or SesRoleArn output (status CREATE_COMPLETE). *-DeliveryStreamArn and -IamRoleArn*"
        @($aws.Ses.Calls) | Should -BeNullOrEmpty
    }
}

Describe 'Parameter sets' {
    BeforeAll {
        $aws = New-CloudFormationFake
        $aws.Exists = $true
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterAll { $aws.Dispose() }

    It 'has the ByArn set (the default) and the ByStack set' {
        $command = Get-Command Set-SesConfigSetDestination
        $command.DefaultParameterSet | Should -Be 'ByArn'
        $command.ParameterSets.Name | Sort-Object | Should -Be @('ByArn', 'ByStack')
        ($command.ParameterSets | Where-Object Name -EQ 'ByArn').Parameters.Where({ $_.IsMandatory }).Name | Sort-Object |
            Should -Be @('ConfigurationSetName', 'DeliveryStreamArn', 'IamRoleArn')
        ($command.ParameterSets | Where-Object Name -EQ 'ByStack').Parameters.Where({ $_.IsMandatory }).Name | Sort-Object |
            Should -Be @('ConfigurationSetName', 'StackName')
        $command.Parameters['IamRoleArn'].Aliases | Should -Contain 'SesRoleArn'
    }

    It 'refuses -StackName together with the ARNs' {
        { Set-SesConfigSetDestination marketing -StackName ses-analytics -DeliveryStreamArn $streamArn -IamRoleArn $roleArn @fakeAws -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }

    It 'refuses an event type SES does not have, naming the ones it has, before calling AWS' {
        $before = $aws.Requests.Count
        { Set-SesConfigSetDestination marketing -StackName ses-analytics -EventType Bounce, Sent @fakeAws -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*'Sent' is not an SES event type*Send, Reject, Bounce, Complaint, Delivery, Open, Click, 'Rendering Failure', DeliveryDelay, Subscription*"
        $aws.Requests.Count | Should -Be $before
    }

    It 'binds a stack-like object by its StackName when it carries no ARNs' {
        $wired = [pscustomobject]@{ StackName = 'ses-analytics' } | Set-SesConfigSetDestination -ConfigurationSetName marketing @fakeAws
        $wired.DeliveryStreamArn | Should -Be $streamArn
    }
}

Describe '-WhatIf' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $aws.Exists = $true
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'says what it would wire and sends nothing to SES' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Set-SesConfigSetDestination marketing -StackName ses-analytics -WhatIf @aws'
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -BeNullOrEmpty
        $run.HostLines | Should -Contain "What if: Performing the operation `"Send 10 event types to $streamArn through 'sesanalytics-firehose'`" on target `"marketing`"."
        @($aws.Ses.Calls) | Should -BeNullOrEmpty
        @($aws.Actions) | Should -Be @('DescribeStacks')
    }
}

Describe 'Help examples' {
    BeforeAll {
        $examples = @(Get-HelpExampleCode Set-SesConfigSetDestination)
    }
    BeforeEach {
        $aws = New-CloudFormationFake
        $aws.Exists = $true
        $aws.Ses.Identities['mail.example.com'] = $true
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'has the two examples tested here' {
        $examples.Title | Should -Be @('Example 1: Wire a configuration set to the stack', 'Example 2: Pipe the stack')
    }

    It 'Example 1 wires marketing to the stack and makes it the default of mail.example.com' {
        $wired = Invoke-HelpExampleWithAwsDefault $examples[0].Code $fakeAws
        $wired.ConfigurationSetName | Should -Be 'marketing'
        @($wired.EventTypes).Count | Should -Be 10
        $aws.Ses.ConfigurationSets | Should -Contain 'marketing'
        $aws.Ses.DefaultConfigurationSets['mail.example.com'] | Should -Be 'marketing'
    }

    It 'Example 2 publishes only bounces and complaints of the piped stack' {
        $wired = Invoke-HelpExampleWithAwsDefault $examples[1].Code $fakeAws
        @($wired.EventTypes | ForEach-Object ToString) | Should -Be @('Bounce', 'Complaint')
        ($aws.Ses.Destinations['marketing/sesanalytics-firehose'] | ConvertFrom-Json).MatchingEventTypes | Should -Be @('BOUNCE', 'COMPLAINT')
    }
}

Describe 'The destination it returns, as a table and as a list' {
    BeforeAll {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
        $wired = Set-SesConfigSetDestination marketing -DeliveryStreamArn $streamArn -IamRoleArn $roleArn -EventType Bounce, Complaint @fakeAws
    }
    AfterAll { $aws.Dispose() }

    It 'shows ConfigurationSetName, DestinationName, Enabled and EventTypes in 80 columns' {
        Assert-ViewText $wired -Width 80 -Match 'ConfigurationSetName\s+DestinationName\s+Enabled\s+EventTypes',
            'marketing\s+sesanalytics-firehose\s+True\s+Bounce, Complaint'
    }

    It 'shows the same columns in 120' {
        Assert-ViewText $wired -Width 120 -Match 'Enabled\s+EventTypes'
    }

    It 'lists every property' {
        Assert-ViewText $wired -View List -Width 160 -Match 'ConfigurationSetName\s+: marketing', 'EventTypes\s+: Bounce, Complaint',
            "DeliveryStreamArn\s+: $([regex]::Escape($streamArn))", "IamRoleArn\s+: $([regex]::Escape($roleArn))"
    }
}
