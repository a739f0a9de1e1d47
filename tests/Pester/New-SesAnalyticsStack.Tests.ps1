# New-SesAnalyticsStack as a user types it, against the CloudFormation fake: moto's CloudFormation cannot create the
# module's template (its Firehose stream with dynamic partitioning, Glue tables and Athena work group answer
# InternalFailure), so the fake plays CloudFormation poll by poll: statuses, resource events, change sets, rollbacks.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    $secret = Initialize-FakeAwsTest -PlainText
    $mutating = 'CreateStack', 'UpdateStack', 'ExecuteChangeSet', 'DeleteStack', 'CancelUpdateStack'
    $moduleVersion = (Import-PowerShellDataFile (Get-ModuleManifestPath)).ModuleVersion

    # The deployment error a script catches, with the stack's AWS parameters.
    function Get-DeploymentError([string] $Arguments) {
        try { & ([scriptblock]::Create("New-SesAnalyticsStack $Arguments @fakeAws")) -WarningAction SilentlyContinue; $null }
        catch { $_ }
    }
}

Describe 'Creating a stack' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'creates it, shows each resource event as progress and -Verbose, and returns the stack with its outputs' {
        $cloudFormation.Statuses.Enqueue('CREATE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('CREATE_COMPLETE')
        $cloudFormation.AddEventBatch('ses-analytics CREATE_IN_PROGRESS User Initiated', 'EventBucket CREATE_IN_PROGRESS')
        $cloudFormation.AddEventBatch('EventBucket CREATE_COMPLETE', 'DeliveryStream CREATE_COMPLETE')

        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script "New-SesAnalyticsStack -StackName ses-analytics -Tag @{ team = 'mail' } -Verbose @aws"

        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $run.Output[0].Status | Should -Be 'CREATE_COMPLETE'
        $run.Output[0].BucketName | Should -Be 'ses-analytics-bucket'
        $run.Output[0].WorkGroup | Should -Be 'ses-analytics'
        $run.Output[0].Tags['team'] | Should -Be 'mail'
        @($cloudFormation.Actions) | Should -Contain 'CreateStack'
        $run.Verbose -like '*EventBucket (AWS::S3::Bucket) CREATE_COMPLETE' | Should -Not -BeNullOrEmpty
        $run.Verbose -like '*DeliveryStream (AWS::KinesisFirehose::DeliveryStream) CREATE_COMPLETE' | Should -Not -BeNullOrEmpty
        $run.Verbose | Should -Contain "The stack 'ses-analytics' is CREATE_COMPLETE."
        $run.Progress | ForEach-Object { $_.Activity | Should -Be 'ses-analytics' }
        $run.Progress.Where({ $_.RecordType -eq 'Completed' }).StatusDescription | Should -Be 'CREATE_COMPLETE'
        $working = $run.Progress.Where({ $_.RecordType -eq 'Processing' })
        $working.Count | Should -BeGreaterThan 0
        $working | ForEach-Object { $_.StatusDescription | Should -Match '^\S+ CREATE_(IN_PROGRESS|COMPLETE)$'; $_.PercentComplete | Should -BeLessThan 100 }
    }

    It 'sends CreateStack with the template, CAPABILITY_IAM, the tags and a request token' {
        $cloudFormation.Statuses.Enqueue('CREATE_COMPLETE')
        $null = New-SesAnalyticsStack ses-analytics -Tag @{ team = 'mail' } @fakeAws

        @($cloudFormation.Actions) | Should -Not -Contain 'CreateChangeSet'
        $form = $cloudFormation.FormsOf('CreateStack')[0]
        $form['StackName'] | Should -Be 'ses-analytics'
        $form['Capabilities.member.1'] | Should -Be 'CAPABILITY_IAM'
        $form['ClientRequestToken'] | Should -Match '^[A-Za-z0-9][-A-Za-z0-9]{0,127}$'
        $resources = ($form['TemplateBody'] | ConvertFrom-Json -AsHashtable).Resources
        $resources.DeliveryStream.Type | Should -Be 'AWS::KinesisFirehose::DeliveryStream'
        $resources.EventTable.Type | Should -Be 'AWS::Glue::Table'
        $resources.AthenaWorkGroup.Type | Should -Be 'AWS::Athena::WorkGroup'
        $tags = @{}
        for ($i = 1; $form.ContainsKey("Tags.member.$i.Key"); $i++) { $tags[$form["Tags.member.$i.Key"]] = $form["Tags.member.$i.Value"] }
        $tags['team'] | Should -Be 'mail'
        $tags['sesanalytics:managed-by'] | Should -Be 'SesAnalytics'
        $tags['sesanalytics:version'] | Should -Be $moduleVersion
    }

    It 'returns as soon as CloudFormation accepted the call with -NoWait, the stack still in progress' {
        $cloudFormation.Statuses.Enqueue('CREATE_IN_PROGRESS')
        $output = New-SesAnalyticsStack ses-analytics -NoWait -Verbose @fakeAws 4>&1
        $stack = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $stack.Status | Should -Be 'CREATE_IN_PROGRESS'
        $output.Message | Should -Contain "CloudFormation accepted the deployment of 'ses-analytics'; it goes on without us (-NoWait)."
        @($cloudFormation.Actions) | Should -Not -Contain 'DescribeStackEvents'
    }

    It 'sends only requests the botocore model of CloudFormation allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $null = New-SesAnalyticsStack ses-analytics -Tag @{ team = 'mail' } @fakeAws
        Get-AwsModelMismatch $cloudFormation | Should -BeNullOrEmpty
    }
}

Describe 'Updating a stack' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $cloudFormation.Exists = $true
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'executes its change set, listing each change with -Verbose, and returns the updated stack' {
        $cloudFormation.Statuses.Enqueue('UPDATE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('UPDATE_COMPLETE')
        $cloudFormation.AddEventBatch('DeliveryStream UPDATE_COMPLETE')

        $output = New-SesAnalyticsStack ses-analytics -RetentionDays 90 -Verbose @fakeAws 4>&1
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $stack = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $stack.Status | Should -Be 'UPDATE_COMPLETE'
        $verbose | Should -Contain 'Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False'
        $verbose | Should -Contain 'Add EventLinesTable (AWS::Glue::Table), replacement: -'
        @($cloudFormation.Actions) | Should -Not -Contain 'CreateStack'
        $changeSet = $cloudFormation.FormsOf('CreateChangeSet')[0]
        $changeSet['StackName'] | Should -Be 'ses-analytics'
        $changeSet['ChangeSetType'] | Should -Be 'UPDATE'
        $changeSet['ChangeSetName'] | Should -Match '^sesanalytics-\d{8}-\d{6}$'
        $changeSet['Capabilities.member.1'] | Should -Be 'CAPABILITY_IAM'
        $changeSet['ClientToken'] | Should -Not -BeNullOrEmpty
        $changeSet['Description'] | Should -Be "SesAnalytics $moduleVersion"
        ($changeSet['TemplateBody'] | ConvertFrom-Json -AsHashtable).Resources.EventBucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays |
            Should -Be 90
        $execute = $cloudFormation.FormsOf('ExecuteChangeSet')[0]
        $execute['ChangeSetName'] | Should -Be $changeSet['ChangeSetName']
        $execute['StackName'] | Should -Be 'ses-analytics'
    }

    It 'is up to date, without error, when the change set changes nothing; the change set is deleted' {
        $cloudFormation.NoChanges = $true
        $output = New-SesAnalyticsStack ses-analytics -Verbose @fakeAws 4>&1
        $stack = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $stack.Status | Should -Be 'CREATE_COMPLETE'
        ($output.Message -like '*up to date*').Count | Should -BeGreaterThan 0
        @($cloudFormation.Actions) | Should -Contain 'DeleteChangeSet'
        @($cloudFormation.Actions) | Should -Not -Contain 'ExecuteChangeSet'
    }

    It 'stops with StackDeploymentFailed naming each resource that failed and why, when the update rolls back' {
        $cloudFormation.Statuses.Enqueue('UPDATE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('UPDATE_ROLLBACK_COMPLETE')
        $cloudFormation.AddEventBatch('DeliveryStream UPDATE_FAILED Role is not authorized to perform: glue:GetTable')
        $failure = Get-DeploymentError 'ses-analytics -RetentionDays 90'
        Assert-ErrorRecord $failure -Id StackDeploymentFailed -Category InvalidOperation -Target 'ses-analytics' -Secret $secret -MessageLike @(
            "The stack 'ses-analytics' ended in UPDATE_ROLLBACK_COMPLETE.*"
            '*DeliveryStream (AWS::KinesisFirehose::DeliveryStream) UPDATE_FAILED: Role is not authorized to perform: glue:GetTable*'
            '*Fix the cause and run the command again*')
        @($cloudFormation.Actions) | Should -Contain 'ExecuteChangeSet'
    }

    It 'refuses a stack whose creation rolled back, saying to delete it first' {
        $cloudFormation.InitialStatus = 'ROLLBACK_COMPLETE'
        $failure = Get-DeploymentError 'ses-analytics'
        Assert-ErrorRecord $failure -Id StackNeedsRecreation -Category InvalidOperation -Target 'ses-analytics' -Secret $secret -MessageLike @(
            "*failed to create and was rolled back (ROLLBACK_COMPLETE)*", '*Remove-SesAnalyticsStack -StackName ses-analytics*')
        @($cloudFormation.Actions) | Should -Be @('DescribeStacks')
    }

    It 'stops with ChangeSetFailed when CloudFormation cannot prepare the change set, and deletes it' {
        $cloudFormation.ChangeSetFailureReason = 'Parameters: [KmsKeyArn] must have values'
        $failure = Get-DeploymentError 'ses-analytics'
        Assert-ErrorRecord $failure -Id ChangeSetFailed -Category InvalidOperation -Target 'ses-analytics' -Secret $secret `
            -MessageLike "CloudFormation could not prepare the change set 'sesanalytics-*' for the stack 'ses-analytics': Parameters: ``[KmsKeyArn``] must have values.*"
        @($cloudFormation.Actions) | Should -Contain 'DeleteChangeSet'
        @($cloudFormation.Actions) | Should -Not -Contain 'ExecuteChangeSet'
    }

    It 'sends only requests the botocore model of CloudFormation allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        $null = New-SesAnalyticsStack ses-analytics -RetentionDays 90 @fakeAws
        Get-AwsModelMismatch $cloudFormation | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'previews an update through a change set that it deletes again, changing nothing else' {
        $cloudFormation.Exists = $true
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack ses-analytics -RetentionDays 90 -WhatIf -Verbose @aws'
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -BeNullOrEmpty
        $run.Verbose | Should -Contain 'Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False'
        $run.Verbose | Should -Contain 'Add EventLinesTable (AWS::Glue::Table)'
        $run.HostLines | Should -Contain 'What if: Performing the operation "Modify" on target "DeliveryStream (AWS::KinesisFirehose::DeliveryStream) in stack ses-analytics".'
        $run.HostLines | Should -Contain 'What if: Performing the operation "Add" on target "EventLinesTable (AWS::Glue::Table) in stack ses-analytics".'
        @($cloudFormation.Actions | Where-Object { $_ -notlike 'Describe*' }) | Should -Be @('CreateChangeSet', 'DeleteChangeSet')
    }

    It 'previews the same under $WhatIfPreference' {
        $cloudFormation.Exists = $true
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script '$WhatIfPreference = $true; New-SesAnalyticsStack ses-analytics -Verbose @aws'
        $run.Verbose | Should -Contain 'Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False'
        @($cloudFormation.Actions | Where-Object { $_ -in $mutating }) | Should -BeNullOrEmpty
    }

    It 'previews a new stack as one Add per resource of the template, without calling anything but DescribeStacks' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack ses-analytics -WhatIf @aws'
        $run.Errors | Should -BeNullOrEmpty
        @($cloudFormation.Actions) | Should -Be @('DescribeStacks')
        $adds = @($run.HostLines -like 'What if: Performing the operation "Add" on target "* in stack ses-analytics".')
        $adds.Count | Should -Be $cloudFormation.Resources.Count
        $adds | Should -Contain 'What if: Performing the operation "Add" on target "DeliveryStream (AWS::KinesisFirehose::DeliveryStream) in stack ses-analytics".'
        $adds | Should -Contain 'What if: Performing the operation "Add" on target "AthenaWorkGroup (AWS::Athena::WorkGroup) in stack ses-analytics".'
    }

    It 'asks with -Confirm and deploys nothing when the answer is No' {
        $run = Invoke-PwshWithInput -InputLine 'N' -Script ((Get-FreshSessionPrelude $fakeAws) + "`nNew-SesAnalyticsStack ses-analytics -Confirm")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        ($run.Output -replace '\s+', ' ') | Should -Match 'Performing the operation "Deploy the SesAnalytics stack" on target "ses-analytics in us-east-1"'
        @($cloudFormation.Actions | Where-Object { $_ -in $mutating }) | Should -BeNullOrEmpty
    }

    It 'deploys with -Confirm when the answer is Yes' {
        $run = Invoke-PwshWithInput -InputLine 'Y' -Script ((Get-FreshSessionPrelude $fakeAws) + "`n(New-SesAnalyticsStack ses-analytics -Confirm).Status")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'CREATE_COMPLETE'
        @($cloudFormation.Actions) | Should -Contain 'CreateStack'
    }
}

Describe 'Ctrl+C' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'stops waiting for a creation within a second, and neither cancels nor deletes it' {
        $cloudFormation.Statuses.Enqueue('CREATE_IN_PROGRESS')
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack -StackName ses-analytics @aws' `
            -StopWhen { @($cloudFormation.Actions) -contains 'CreateStack' }
        $run.ConditionMet | Should -BeTrue
        $run.State | Should -Be 'Stopped'
        $run.Output | Should -BeNullOrEmpty
        $run.StopTook | Should -BeLessThan ([timespan]::FromSeconds(1))
        @($cloudFormation.Actions) | Should -Not -Contain 'CancelUpdateStack'
        @($cloudFormation.Actions) | Should -Not -Contain 'DeleteStack'
        $run.HostWarnings -like "Stopped waiting for the stack 'ses-analytics'. CloudFormation carries on creating it (a creation cannot be cancelled)*" |
            Should -Not -BeNullOrEmpty
    }

    It 'cancels an update in CloudFormation (CancelUpdateStack), within two seconds' {
        $cloudFormation.Exists = $true
        $cloudFormation.Statuses.Enqueue('UPDATE_IN_PROGRESS')
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack -StackName ses-analytics -RetentionDays 90 @aws' `
            -StopWhen { @($cloudFormation.Actions) -contains 'ExecuteChangeSet' }
        $run.ConditionMet | Should -BeTrue
        $run.State | Should -Be 'Stopped'
        $run.Output | Should -BeNullOrEmpty
        $run.StopTook | Should -BeLessThan ([timespan]::FromSeconds(2))
        $cloudFormation.FormsOf('CancelUpdateStack')[0]['StackName'] | Should -Be 'ses-analytics'
        $run.HostWarnings -like "Cancelled the update of the stack 'ses-analytics': CloudFormation rolls it back to its previous template*" |
            Should -Not -BeNullOrEmpty
    }

    It 'deletes the change set it was waiting for, and executes nothing' {
        $cloudFormation.Exists = $true
        1..50 | ForEach-Object { $cloudFormation.ChangeSetStatuses.Enqueue('CREATE_IN_PROGRESS') }
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack -StackName ses-analytics -RetentionDays 90 @aws' `
            -StopWhen { @($cloudFormation.Actions) -contains 'DescribeChangeSet' }
        $run.ConditionMet | Should -BeTrue
        $run.State | Should -Be 'Stopped'
        $run.StopTook | Should -BeLessThan ([timespan]::FromSeconds(2))
        $deleted = $cloudFormation.FormsOf('DeleteChangeSet')
        $deleted.Count | Should -Be 1
        $deleted[0]['ChangeSetName'] | Should -Be $cloudFormation.FormsOf('CreateChangeSet')[0]['ChangeSetName']
        @($cloudFormation.Actions | Where-Object { $_ -in $mutating }) | Should -BeNullOrEmpty
    }
}

Describe 'Parameters' {
    BeforeAll {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
    }
    AfterAll { $cloudFormation.Dispose() }

    It 'takes -StackName at position 0 and offers the template options as parameters' {
        $command = Get-Command New-SesAnalyticsStack
        $attribute = $command.Parameters['StackName'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        $attribute.Mandatory | Should -BeTrue
        $attribute.Position | Should -Be 0
        foreach ($name in 'NoWait', 'RetentionDays', 'BufferIntervalSeconds', 'BufferSizeMB', 'BucketName', 'KmsKeyArn', 'ConfigurationSetName',
            'DatabaseName', 'TableName', 'WorkGroupName', 'BytesScannedCutoffPerQuery', 'Tag', 'WhatIf', 'Confirm', 'EndpointUrl', 'Region') {
            $command.Parameters.Keys | Should -Contain $name
        }
    }

    It 'refuses a stack name CloudFormation would refuse, before calling AWS' {
        { New-SesAnalyticsStack -StackName '1-not-a-name' @fakeAws -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        $cloudFormation.Requests.Count | Should -Be 0
    }

    It 'refuses a template option out of range, before calling AWS' {
        $failure = $null
        try { New-SesAnalyticsStack ses-analytics -RetentionDays 0 @fakeAws } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match 'RetentionDays'
        ($failure | Out-String) | Should -Not -Match ' at SesAnalytics\.'
        $cloudFormation.Requests.Count | Should -Be 0
    }
}

Describe 'Help examples' {
    BeforeAll {
        $examples = @(Get-HelpExampleCode New-SesAnalyticsStack)
    }
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $defaults = "`$PSDefaultParameterValues = @{ '*-Ses*:EndpointUrl' = '$($fakeAws.EndpointUrl)'; '*-Ses*:AccessKey' = '$($fakeAws.AccessKey)'; " +
            "'*-Ses*:SecretKey' = '$($fakeAws.SecretKey)'; '*-Ses*:Region' = 'us-east-1' }`n"
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'has the three examples tested here' {
        $examples.Title | Should -Be @('Example 1: Deploy with the defaults', 'Example 2: See what an update would change', 'Example 3: Deploy and wire SES in one line')
    }

    It 'Example 1 deploys with the defaults and returns the stack with its outputs' {
        $run = Invoke-InRunspace -Script ($defaults + $examples[0].Code)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $run.Output[0].Region | Should -Be 'eu-west-1'
        $run.Output[0].Status | Should -Be 'CREATE_COMPLETE'
        $run.Output[0].DeliveryStreamName | Should -Be 'ses-analytics'
        @($cloudFormation.Actions) | Should -Contain 'CreateStack'
    }

    It 'Example 2 prints what an update would change, and changes nothing' {
        $cloudFormation.Exists = $true
        $run = Invoke-InRunspace -Script ($defaults + $examples[1].Code)
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Contain 'What if: Performing the operation "Modify" on target "DeliveryStream (AWS::KinesisFirehose::DeliveryStream) in stack ses-analytics".'
        @($cloudFormation.Actions | Where-Object { $_ -in $mutating }) | Should -BeNullOrEmpty
        @($cloudFormation.Actions) | Should -Contain 'DeleteChangeSet'
    }

    It 'Example 3 deploys and wires the configuration set to the new stack in one line' {
        $run = Invoke-InRunspace -Script ($defaults + $examples[2].Code)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $run.Output[0].ConfigurationSetName | Should -Be 'marketing'
        $run.Output[0].DeliveryStreamArn | Should -Be $cloudFormation.Outputs['DeliveryStreamArn']
        $run.Output[0].IamRoleArn | Should -Be $cloudFormation.Outputs['SesRoleArn']
        $cloudFormation.FormsOf('CreateStack')[0]['TemplateBody'] | Should -Match 'configuration-set/marketing'
        $cloudFormation.Ses.Destinations.Keys | Should -Be @('marketing/sesanalytics-firehose')
    }
}

Describe 'The stack it returns, as a table and as a list' {
    BeforeAll {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $stack = New-SesAnalyticsStack ses-analytics @fakeAws
    }
    AfterAll { $cloudFormation.Dispose() }

    It 'shows StackName, Status, BucketName and DeliveryStreamName in 80 columns' {
        Assert-ViewText $stack -Width 80 -Match 'StackName\s+Status\s+BucketName\s+DeliveryStreamName',
            'ses-analytics\s+CREATE_COMPLETE\s+ses-analytics-bucket\s+ses-analytics'
    }

    It 'shows the same columns in 120' {
        Assert-ViewText $stack -Width 120 -Match 'StackName\s+Status\s+BucketName\s+DeliveryStreamName'
    }

    It 'lists the outputs and the tags' {
        Assert-ViewText $stack -View List -Width 120 -Match 'DeliveryStreamArn\s+: arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics', 'Tags\s+: .*sesanalytics:managed-by'
    }
}
