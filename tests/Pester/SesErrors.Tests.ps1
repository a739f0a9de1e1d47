# Issue 11, item 12: an SES error names what SES names. A SendEmail NotFoundException for a configuration set that does
# not exist is about that configuration set (it used to say the From address "does not exist"); a MessageRejected for
# an unverified sender names the sender (it used to say to verify the recipient). Every message ends with SES's own.
# The commands run against a fake that fails as SES does (Support/SesErrors.psm1, on 127.0.0.1) and, where moto serves
# the operation, against moto.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/SesErrors.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes
    $ErrorActionPreference = 'Continue'
    $secret = [SesAnalytics.Fakes.LoopbackServer]::SecretKey
    $motoSkip = Get-MotoSkipReason
    $moto = if (-not $motoSkip) { Start-MotoServer }
}

AfterAll { Stop-MotoServer $moto }

Describe 'SendEmail (Send-SesSimulatorEmail)' {
    BeforeEach {
        $ses = New-SesBehaviourFake
        $aws = Get-FakeAwsParameters $ses
        $null = $ses.Identities.Add('mail.example.com')
    }
    AfterEach { $ses.Dispose() }

    It 'names the configuration set that does not exist, not the sender' {
        $failure = $null
        try { Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName missing-set -Count 3 @aws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesResourceNotFound -Category ObjectNotFound -Target 'missing-set' -Secret $secret -MessageLike @(
            "SES SendEmail: the configuration set 'missing-set' does not exist in SES in this account and region. *"
            '*(Configuration set <missing-set> does not exist. (Service: SESv2; Status: 404; Error: NotFoundException; Request ID: rid-ses-behaviour))')
        $failure.Exception.Message | Should -Not -Match "'sender@mail\.example\.com' does not exist"
        @($ses.Calls | Where-Object { $_ -eq 'POST outbound-emails' }).Count | Should -Be 1
    }

    It 'names the unverified sender and says to verify it, not the recipient' {
        $failure = $null
        try { Send-SesSimulatorEmail -From someone@unverified.example -Scenario Success @aws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesMessageRejected -Category InvalidOperation -Target 'someone@unverified.example' -Secret $secret -MessageLike @(
            "SES SendEmail: SES rejected the message from 'someone@unverified.example': the sender is not a verified identity in this account and region. Verify the address or its domain in SES*"
            '*(Email address is not verified. The following identities failed the check in region US-EAST-1: someone@unverified.example (Service: SESv2;*')
        $failure.Exception.Message | Should -Not -Match 'verify the recipient'
        $failure.Exception.Message | Should -Not -Match 'sandbox'
    }

    It 'names the sender by its address when -From has a display name' {
        $failure = $null
        try { Send-SesSimulatorEmail -From 'Mail Robot <robot@unverified.example>' -Scenario Success @aws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesMessageRejected -Category InvalidOperation -Target 'robot@unverified.example' `
            -MessageLike "SES SendEmail: SES rejected the message from 'robot@unverified.example': the sender is not a verified identity*"
    }

    It 'names the configuration set whose sending is paused' {
        $null = $ses.ConfigurationSets.Add('paused-set')
        $null = $ses.PausedConfigurationSets.Add('paused-set')
        $failure = $null
        try { Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName paused-set @aws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesSendingPaused -Category InvalidOperation -Target 'paused-set' -Secret $secret `
            -MessageLike "SES SendEmail: sending is paused for the configuration set 'paused-set'. *(Sending is paused for this configuration set. (Service: SESv2;*"
    }

    It 'says the account''s sending is paused when SES says so, naming no configuration set' {
        $null = $ses.ConfigurationSets.Add('marketing')
        $ses.AccountPaused = $true
        $failure = $null
        try { Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName marketing @aws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesSendingPaused -Category InvalidOperation -Target 'sender@mail.example.com' `
            -MessageLike "SES SendEmail: sending is paused for this account in this region. *(Sending is paused for this account. (Service: SESv2;*"
        $failure.Exception.Message | Should -Not -Match "configuration set 'marketing'"
    }

    It 'sends once the configuration set exists and the sender''s domain is verified' {
        $null = $ses.ConfigurationSets.Add('marketing')
        $message = Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName marketing @aws
        $message.MessageId | Should -BeLike '0100018d-behaviour-*'
    }

    It 'names the unverified sender in moto''s words too' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        Reset-MotoServer $moto
        $motoAws = $moto.AwsParameters
        $failure = $null
        try { Send-SesSimulatorEmail -From someone@unverified.example -Scenario Success @motoAws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id SesMessageRejected -Category InvalidOperation -Target 'someone@unverified.example' -Secret $motoAws.SecretKey `
            -MessageLike "SES SendEmail: SES rejected the message from 'someone@unverified.example': the sender is not a verified identity*(Email address not verified someone@unverified.example*"
    }
}

Describe 'Configuration sets and identities' {
    BeforeEach {
        $ses = New-SesBehaviourFake
        $aws = Get-FakeAwsParameters $ses
        $null = $ses.ConfigurationSets.Add('transactional')
        $null = $ses.Destinations.Add('transactional/sesanalytics-firehose')
    }
    AfterEach { $ses.Dispose() }

    It 'Get-SesConfigSetDestination names the configuration set that does not exist, and goes on' {
        $found = @(Get-SesConfigSetDestination nope, transactional @aws -ErrorVariable failures 2>$null)

        $found.ConfigurationSetName | Should -Be @('transactional')
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id SesResourceNotFound -Category ObjectNotFound -Target 'nope' -Secret $secret `
            -MessageLike "SES GetConfigurationSetEventDestinations: the configuration set 'nope' does not exist in SES in this account and region. *(Configuration set <nope> does not exist.*"
    }

    It 'Set-SesConfigSetDestination names the identity that does not exist, and wires the configuration set still' {
        $arns = @{ DeliveryStreamArn = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics'; IamRoleArn = 'arn:aws:iam::123456789012:role/ses-analytics-SesRole' }
        $wired = Set-SesConfigSetDestination transactional @arns -DefaultForIdentity nobody.example -ErrorVariable failures 2>$null @aws

        $wired.ConfigurationSetName | Should -Be 'transactional'
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id IdentityNotFound -Category ObjectNotFound -Target 'nobody.example' -Secret $secret `
            -MessageLike "The identity 'nobody.example' is not an SES identity of this account and region*"
        $failures[0].Exception.InnerException.Message | Should -BeLike "SES GetEmailIdentity: the identity 'nobody.example' does not exist in SES in this account and region. *(Email identity <nobody.example> does not exist.*"
    }
}
