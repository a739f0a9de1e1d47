# Send-SesSimulatorEmail as a user types it: against moto's SES v2 SendEmail (identities created in moto, which verifies
# them at once), and against the SES v2 of the CloudFormation fake where the request itself is checked or SES must fail.

BeforeDiscovery {
    $scenarios = @(
        @{ Scenario = 'Success'; To = 'success@simulator.amazonses.com' }
        @{ Scenario = 'Bounce'; To = 'bounce@simulator.amazonses.com' }
        @{ Scenario = 'Complaint'; To = 'complaint@simulator.amazonses.com' }
        @{ Scenario = 'OutOfTheOffice'; To = 'ooto@simulator.amazonses.com' }
        @{ Scenario = 'SuppressionList'; To = 'suppressionlist@simulator.amazonses.com' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $motoSkip = Get-MotoSkipReason
    $moto = if (-not $motoSkip) { Start-MotoServer }
    $motoAws = if ($moto) { $moto.AwsParameters }
}

AfterAll { Stop-MotoServer $moto }

Describe 'Sending through moto' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoEmailIdentity $moto -Identity mail.example.com
        }
    }

    It 'sends -Count messages from a verified identity, each with its own MessageId' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $before = [datetime]::UtcNow.AddSeconds(-1)
        $messages = @(Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName marketing -Count 2 @motoAws)
        $after = [datetime]::UtcNow.AddSeconds(1)
        $messages.Count | Should -Be 2
        foreach ($message in $messages) {
            $message.To | Should -Be 'bounce@simulator.amazonses.com'
            $message.Scenario | Should -Be 'Bounce'
            $message.From | Should -Be 'sender@mail.example.com'
            $message.ConfigurationSetName | Should -Be 'marketing'
            $message.MessageId | Should -Not -BeNullOrEmpty
            $sentAt = ([datetimeoffset]$message.SentAt).UtcDateTime
            $sentAt | Should -BeGreaterOrEqual $before
            $sentAt | Should -BeLessOrEqual $after
        }
        $messages[0].MessageId | Should -Not -Be $messages[1].MessageId
    }

    It 'stops with SesMessageRejected when SES refuses the sender' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $failure = $null
        try { Send-SesSimulatorEmail -From someone@unverified.example -Scenario Success @motoAws } catch { $failure = $_ }
        Assert-ErrorRecord $failure -Id SesMessageRejected -Category InvalidOperation -Target 'someone@unverified.example' -Secret $motoAws.SecretKey `
            -MessageLike "SES SendEmail: SES rejected the message from 'someone@unverified.example'*"
    }
}

Describe 'What it asks SES to send' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'sends <Scenario> to <To>' -ForEach $scenarios {
        $message = Send-SesSimulatorEmail sender@mail.example.com $Scenario -ConfigurationSetName marketing @fakeAws
        $message.To | Should -Be $To
        $request = $aws.Requests | Where-Object Path -EQ '/v2/email/outbound-emails' | Select-Object -First 1
        $body = $request.Body | ConvertFrom-Json
        $body.FromEmailAddress | Should -Be 'sender@mail.example.com'
        $body.Destination.ToAddresses | Should -Be @($To)
        $body.ConfigurationSetName | Should -Be 'marketing'
        $body.Content.Simple.Subject.Data | Should -BeLike "SesAnalytics simulator test: $Scenario (1/1) at *Z"
        $body.Content.Simple.Body.Text.Data | Should -BeLike "*($To)*"
    }

    It 'leaves the configuration set out when none is given, so the identity''s default applies' {
        $message = Send-SesSimulatorEmail sender@mail.example.com Success @fakeAws
        $message.ConfigurationSetName | Should -BeNullOrEmpty
        $body = ($aws.Requests | Where-Object Path -EQ '/v2/email/outbound-emails').Body | ConvertFrom-Json -AsHashtable
        $body.ContainsKey('ConfigurationSetName') | Should -BeFalse
    }

    It 'takes the configuration set by property name from what Get-SesConfigSetDestination returns' {
        $null = $aws.Ses.ConfigurationSets.Add('marketing')
        $aws.Ses.Destinations['marketing/sesanalytics-firehose'] = '{"Name":"sesanalytics-firehose","Enabled":true,"MatchingEventTypes":["BOUNCE"]}'
        $messages = @(Get-SesConfigSetDestination marketing @fakeAws | Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce @fakeAws)
        $messages.ConfigurationSetName | Should -Be @('marketing')
    }

    It 'sends a message once: after a server error it reports it and does not send again' {
        $aws.Ses.SendFails = $true
        $failure = $null
        $output = try { Send-SesSimulatorEmail sender@mail.example.com OutOfTheOffice -Count 3 @fakeAws } catch { $failure = $_ }
        $output | Should -BeNullOrEmpty
        @($aws.Ses.Calls | Where-Object { $_ -eq 'POST outbound-emails' }).Count | Should -Be 1
        Assert-ErrorRecord $failure -Id InternalFailure -Category ResourceUnavailable -Secret $secret `
            -MessageLike 'Internal failure (Service: SESv2; Status: 500; Error: InternalFailure; Request ID: rid-ses)'
    }

    It 'sends only requests the botocore model of SES v2 allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $null = Send-SesSimulatorEmail sender@mail.example.com Bounce -ConfigurationSetName marketing -Count 2 @fakeAws
        Get-AwsModelMismatch $aws | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterEach { $aws.Dispose() }

    It 'sends nothing under -WhatIf, and says what it would send' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Send-SesSimulatorEmail sender@mail.example.com Bounce -Count 3 -WhatIf @aws'
        $run.Output | Should -BeNullOrEmpty
        $run.HostLines | Should -Contain 'What if: Performing the operation "Send 3 message(s) from sender@mail.example.com" on target "bounce@simulator.amazonses.com".'
        @($aws.Ses.Calls) | Should -BeNullOrEmpty
    }

    It 'asks with -Confirm and sends nothing when the answer is No' {
        $run = Invoke-PwshWithInput -InputLine 'N' -Script ((Get-FreshSessionPrelude $fakeAws) + "`nSend-SesSimulatorEmail sender@mail.example.com Complaint -Confirm")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Output -replace '\s+', ' ') | Should -Match 'Performing the operation "Send 1 message\(s\) from sender@mail.example.com" on target "complaint@simulator.amazonses.com"'
        @($aws.Ses.Calls) | Should -BeNullOrEmpty
    }
}

Describe 'Parameters' {
    It 'takes -From and -Scenario at positions 0 and 1, and the configuration set from the pipeline by property name' {
        $command = Get-Command Send-SesSimulatorEmail
        $command.Parameters['From'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 0
        $command.Parameters['Scenario'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 1
        $command.Parameters['ConfigurationSetName'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName |
            Should -BeTrue
    }

    It 'completes -Scenario with the five scenarios' {
        $line = 'Send-SesSimulatorEmail -From a@example.com -Scenario '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Sort-Object | Should -Be @('Bounce', 'Complaint', 'OutOfTheOffice', 'Success', 'SuppressionList')
    }

    It 'refuses -Count <Count>, outside 1 to 50, before calling AWS' -ForEach @(@{ Count = 0 }, @{ Count = 51 }) {
        { Send-SesSimulatorEmail a@example.com Bounce -Count $Count -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'refuses a scenario the simulator does not have' {
        { Send-SesSimulatorEmail a@example.com Explode -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Help examples' {
    BeforeAll {
        $examples = @(Get-HelpExampleCode Send-SesSimulatorEmail)
    }
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoEmailIdentity $moto -Identity mail.example.com
        }
    }

    It 'has the one example tested here' {
        $examples.Title | Should -Be @('Example 1: Send a bounce through a configuration set')
    }

    It 'Example 1 sends a bounce through marketing and returns its MessageId' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $message = Invoke-HelpExampleWithAwsDefault $examples[0].Code $motoAws
        $message.MessageId | Should -Not -BeNullOrEmpty
        $message.Scenario | Should -Be 'Bounce'
        $message.ConfigurationSetName | Should -Be 'marketing'
    }
}

Describe 'The messages as a table and as a list' {
    BeforeAll {
        $aws = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $aws
        $messages = Send-SesSimulatorEmail sender@mail.example.com Bounce -ConfigurationSetName marketing -Count 2 @fakeAws
    }
    AfterAll { $aws.Dispose() }

    It 'shows Scenario, To and MessageId in 80 columns' {
        $table = Assert-ViewText $messages -Width 80 -Match 'Scenario\s+To\s+MessageId' -PassThru
        ([regex]::Matches($table, 'Bounce\s+bounce@simulator\.amazonses\.com\s+0100018d-')).Count | Should -Be 2
    }

    It 'shows whole MessageIds in 120 columns' {
        Assert-ViewText $messages -Width 120 -Match 'bounce@simulator\.amazonses\.com\s+0100018d-fake-0001', '0100018d-fake-0002'
    }

    It 'lists every property, From and ConfigurationSetName included' {
        $list = $messages | Format-List | Out-String -Width 120
        ([regex]::Matches($list, 'From\s+: sender@mail\.example\.com')).Count | Should -Be 2
        $list | Should -Match 'ConfigurationSetName\s+: marketing'
        $list | Should -Match 'MessageId\s+: 0100018d-fake-0001'
        $list | Should -Match "SentAt\s+: \S"
    }
}
