# Remove-SesAnalyticsStack as a user types it: against moto (a small stack moto models, deleted for real) and against the
# CloudFormation fake, which plays the deletion poll by poll (progress, a failed deletion, Ctrl+C while it waits).

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $motoSkip = Get-MotoSkipReason
    $moto = if (-not $motoSkip) { Start-MotoServer }
    $motoAws = if ($moto) { $moto.AwsParameters }

    # Whether moto still has the stack.
    function Test-MotoStack([string] $Name, [string] $Region = 'us-east-1') {
        [bool](Get-SesAnalyticsStack $Name @motoAws -Region $Region -ErrorAction SilentlyContinue)
    }
}

AfterAll { Stop-MotoServer $moto }

Describe 'Deleting a stack in moto' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
            New-MotoStack $moto -StackName ses-analytics-2
        }
    }

    It 'deletes the stack piped from Get-SesAnalyticsStack, warning that the bucket and its events are kept' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $output = Get-SesAnalyticsStack ses-analytics @motoAws | Remove-SesAnalyticsStack -Confirm:$false @motoAws -WarningVariable warnings -WarningAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "The bucket 'ses-analytics-bucket' and its events are KEPT*"
        $warnings[0].Message | Should -BeLike '*s3://ses-analytics-bucket/partitioned/*'
        $warnings[0].Message | Should -BeLike '*aws s3 rm s3://ses-analytics-bucket --recursive*'
        Test-MotoStack ses-analytics | Should -BeFalse
        Test-MotoStack ses-analytics-2 | Should -BeTrue
    }

    It 'takes names by position and from the pipeline as text' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        Remove-SesAnalyticsStack ses-analytics -Confirm:$false @motoAws -WarningAction SilentlyContinue
        'ses-analytics-2' | Remove-SesAnalyticsStack -Confirm:$false @motoAws -WarningAction SilentlyContinue
        Test-MotoStack ses-analytics | Should -BeFalse
        Test-MotoStack ses-analytics-2 | Should -BeFalse
    }

    It 'deletes nothing under -WhatIf, and says what it would do' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $run = Invoke-InRunspace -Variable @{ aws = $motoAws } -Script 'Remove-SesAnalyticsStack ses-analytics -WhatIf @aws'
        $run.HostLines -join "`n" | Should -Match 'What if: Performing the operation "Delete the SesAnalytics stack" on target "ses-analytics in us-east-1"'
        $run.Warnings | Should -BeNullOrEmpty
        Test-MotoStack ses-analytics | Should -BeTrue
    }

    It 'reports a missing stack as ObjectNotFound for that name, and goes on with the others' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        'nope', 'ses-analytics' | Remove-SesAnalyticsStack -Confirm:$false @motoAws -WarningAction SilentlyContinue -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id StackNotFound -Category ObjectNotFound -Target 'nope' -Secret $motoAws.SecretKey `
            -MessageLike "*the stack 'nope' does not exist*"
        Test-MotoStack ses-analytics | Should -BeFalse
    }
}

Describe 'Confirming a deletion' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
        }
    }

    It 'asks first (ConfirmImpact High) and deletes nothing when the answer is No' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $run = Invoke-PwshWithInput -InputLine 'N' -Script ((Get-FreshSessionPrelude $motoAws) + "`nRemove-SesAnalyticsStack -StackName ses-analytics")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Output -replace '\s+', ' ') | Should -Match 'Performing the operation "Delete the SesAnalytics stack" on target "ses-analytics in us-east-1"'
        $run.Output | Should -Not -Match 'KEPT'
        Test-MotoStack ses-analytics | Should -BeTrue
    }

    It 'deletes when the answer is Yes' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $run = Invoke-PwshWithInput -InputLine 'Y' -Script ((Get-FreshSessionPrelude $motoAws) + "`nRemove-SesAnalyticsStack -StackName ses-analytics")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'KEPT'
        Test-MotoStack ses-analytics | Should -BeFalse
    }
}

Describe 'Waiting for CloudFormation to delete it' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $cloudFormation.Exists = $true
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'shows each resource event as progress and -Verbose line until the stack is gone' {
        $cloudFormation.Statuses.Enqueue('DELETE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('DELETE_COMPLETE')
        $cloudFormation.AddEventBatch('ses-analytics DELETE_IN_PROGRESS User Initiated', 'EventBucket DELETE_SKIPPED')
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Remove-SesAnalyticsStack ses-analytics -Confirm:$false -Verbose @aws'
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -BeNullOrEmpty
        @($run.Warnings).Count | Should -Be 1
        $run.Verbose | Should -Contain "The stack 'ses-analytics' is deleted."
        $run.Verbose -like '*EventBucket (AWS::S3::Bucket) DELETE_SKIPPED' | Should -Not -BeNullOrEmpty
        $run.Progress | ForEach-Object { $_.Activity | Should -Be 'ses-analytics' }
        $run.Progress.Where({ $_.RecordType -eq 'Completed' }).StatusDescription | Should -Be 'DELETE_COMPLETE'
        @($cloudFormation.Actions) | Should -Contain 'DeleteStack'
        $cloudFormation.FormsOf('DeleteStack')[0]['StackName'] | Should -Be $cloudFormation.StackId
        $cloudFormation.FormsOf('DeleteStack')[0]['ClientRequestToken'] | Should -Not -BeNullOrEmpty
    }

    It 'stops with StackDeploymentFailed naming the resource CloudFormation could not delete' {
        $cloudFormation.Statuses.Enqueue('DELETE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('DELETE_FAILED')
        $cloudFormation.AddEventBatch('AthenaWorkGroup DELETE_FAILED WorkGroup ses-analytics is not empty')
        $failure = $null
        try { Remove-SesAnalyticsStack ses-analytics -Confirm:$false @fakeAws -WarningAction SilentlyContinue } catch { $failure = $_ }
        Assert-ErrorRecord $failure -Id StackDeploymentFailed -Category InvalidOperation -Target 'ses-analytics' -Secret $secret `
            -MessageLike "The stack 'ses-analytics' ended in DELETE_FAILED. Failed: AthenaWorkGroup (AWS::Athena::WorkGroup) DELETE_FAILED: WorkGroup ses-analytics is not empty.*"
    }

    It 'returns at once with -NoWait' {
        $cloudFormation.Statuses.Enqueue('DELETE_IN_PROGRESS')
        Remove-SesAnalyticsStack ses-analytics -NoWait -Confirm:$false @fakeAws -WarningAction SilentlyContinue -Verbose 4>&1 |
            Select-Object -ExpandProperty Message | Should -Contain "CloudFormation is deleting the stack 'ses-analytics'."
        @($cloudFormation.Actions) | Should -Not -Contain 'DescribeStackResources'
    }

    It 'stops waiting promptly on Ctrl+C, and lets CloudFormation finish the deletion' {
        $cloudFormation.Statuses.Enqueue('DELETE_IN_PROGRESS')
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'Remove-SesAnalyticsStack ses-analytics -Confirm:$false @aws' `
            -StopWhen { @($cloudFormation.Actions) -contains 'DescribeStackResources' }
        $run.ConditionMet | Should -BeTrue
        $run.State | Should -Be 'Stopped'
        $run.StopTook | Should -BeLessThan ([timespan]::FromSeconds(1))
        # Once stopped, PowerShell refuses the warning stream: the command tells the host where the deletion stands.
        $run.HostWarnings -like "Stopped waiting for the stack 'ses-analytics'. CloudFormation carries on deleting it*" | Should -Not -BeNullOrEmpty
        @($cloudFormation.Actions) | Should -Not -Contain 'CancelUpdateStack'
    }

    It 'sends only requests the botocore model of CloudFormation allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $cloudFormation.Statuses.Enqueue('DELETE_COMPLETE')
        Remove-SesAnalyticsStack ses-analytics -Confirm:$false @fakeAws -WarningAction SilentlyContinue
        Get-AwsModelMismatch $cloudFormation | Should -BeNullOrEmpty
    }
}

Describe 'Parameters' {
    It 'takes -StackName at position 0, from the pipeline by value and by property name, and asks before it deletes' {
        $command = Get-Command Remove-SesAnalyticsStack
        $attribute = $command.Parameters['StackName'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        $attribute.Mandatory | Should -BeTrue
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Help examples' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
            New-MotoStack $moto -StackName ses-analytics-eu -Region eu-west-1
            New-MotoStack $moto -StackName ses-analytics-eu-2 -Region eu-west-1
        }
        $examples = @(Get-HelpExampleCode Remove-SesAnalyticsStack)
    }

    It 'has the two examples tested here' {
        $examples.Title | Should -Be @('Example 1: Delete a stack without the prompt', 'Example 2: Delete every SesAnalytics stack of a region')
    }

    It 'Example 1 deletes a stack without the prompt' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        Invoke-HelpExampleWithAwsDefault $examples[0].Code $motoAws 3>$null
        Test-MotoStack ses-analytics | Should -BeFalse
    }

    It 'Example 2 asks for each stack of eu-west-1 before deleting it' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $prelude = Get-FreshSessionPrelude @{ EndpointUrl = $moto.Endpoint; AccessKey = $motoAws.AccessKey; SecretKey = $motoAws.SecretKey }
        $run = Invoke-PwshWithInput -InputLine 'Y', 'N' -Script ($prelude + "`n" + $examples[1].Code)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ([regex]::Matches(($run.Output -replace '\s+', ' '), 'Performing the operation "Delete the SesAnalytics stack"')).Count | Should -Be 2
        @((Test-MotoStack ses-analytics-eu eu-west-1), (Test-MotoStack ses-analytics-eu-2 eu-west-1)) | Sort-Object | Should -Be @($false, $true)
        Test-MotoStack ses-analytics | Should -BeTrue
    }
}
