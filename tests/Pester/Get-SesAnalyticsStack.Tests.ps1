# Get-SesAnalyticsStack as a user types it: against moto (CloudFormation DescribeStacks of a small stack carrying the
# module's tag and outputs, which moto models) and against the CloudFormation fake where moto cannot play the case
# (paging through many stacks).

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'
    $motoSkip = Get-MotoSkipReason
    $moto = if (-not $motoSkip) { Start-MotoServer }
    $motoAws = if ($moto) { $moto.AwsParameters }
}

AfterAll { Stop-MotoServer $moto }

Describe 'Listing the stacks of a region' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
            New-MotoStack $moto -StackName someone-else -Unmanaged
            New-MotoStack $moto -StackName ses-analytics-eu -Region eu-west-1
        }
    }

    It 'returns only the stacks tagged sesanalytics:managed-by=SesAnalytics, with their outputs' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $stacks = @(Get-SesAnalyticsStack @motoAws)
        $stacks.StackName | Should -Be @('ses-analytics')
        $stacks[0].Tags['sesanalytics:managed-by'] | Should -Be 'SesAnalytics'
        $stacks[0].Status | Should -Be 'CREATE_COMPLETE'
        $stacks[0].Region | Should -Be 'us-east-1'
        $stacks[0].BucketName | Should -Be 'ses-analytics-bucket'
        $stacks[0].DeliveryStreamArn | Should -Be 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics'
        $stacks[0].SesRoleArn | Should -Be 'arn:aws:iam::123456789012:role/ses-analytics-SesRole'
        $stacks[0].StackId | Should -BeLike 'arn:aws:cloudformation:us-east-1:*:stack/ses-analytics/*'
    }

    It 'reads the region asked for' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $stacks = @(Get-SesAnalyticsStack @motoAws -Region eu-west-1)
        $stacks.StackName | Should -Be @('ses-analytics-eu')
        $stacks[0].Region | Should -Be 'eu-west-1'
    }
}

Describe 'Listing through every page of DescribeStacks' {
    BeforeAll {
        $cloudFormation = New-CloudFormationFake
        $cloudFormation.Exists = $true
        $cloudFormation.OtherStacks.AddRange([string[]]@('web-1', 'web-2', 'web-3'))
        $cloudFormation.StacksPerPage = 2
    }
    AfterAll { $cloudFormation.Dispose() }

    It 'follows NextToken to the stack on the last page' {
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $stacks = @(Get-SesAnalyticsStack @fakeAws)
        $stacks.StackName | Should -Be @('ses-analytics')
        $pages = $cloudFormation.FormsOf('DescribeStacks')
        $pages.Count | Should -Be 3
        $pages[0].ContainsKey('NextToken') | Should -BeFalse
        $pages[2]['NextToken'] | Should -Be '4'
    }

    It 'sends only requests the botocore model of CloudFormation allows' {
        if (Get-SharedSkipReason) { Set-ItResult -Skipped -Because (Get-SharedSkipReason); return }
        Get-AwsModelMismatch $cloudFormation | Should -BeNullOrEmpty
    }
}

Describe 'Stacks by name' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
            New-MotoStack $moto -StackName ses-analytics-2
        }
    }

    It 'takes names by position, from the pipeline, and from objects with a StackName property' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        (Get-SesAnalyticsStack ses-analytics, ses-analytics-2 @motoAws).StackName | Should -Be @('ses-analytics', 'ses-analytics-2')
        ('ses-analytics-2', 'ses-analytics' | Get-SesAnalyticsStack @motoAws).StackName | Should -Be @('ses-analytics-2', 'ses-analytics')
        ([pscustomobject]@{ StackName = 'ses-analytics-2' } | Get-SesAnalyticsStack @motoAws).BucketName | Should -Be 'ses-analytics-2-bucket'
    }

    It 'reports a missing stack as ObjectNotFound for that name, and goes on with the others' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $stacks = Get-SesAnalyticsStack nope, ses-analytics @motoAws -ErrorAction SilentlyContinue -ErrorVariable failures
        @($stacks).StackName | Should -Be @('ses-analytics')
        $failures.Count | Should -Be 1
        Assert-ErrorRecord $failures[0] -Id StackNotFound -Category ObjectNotFound -Target 'nope' -Secret $motoAws.SecretKey `
            -MessageLike "*the stack 'nope' does not exist in this account and region. Check the stack name and the region.*"
    }

    It 'writes the error to the error stream, where 2>&1 finds it beside the output' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $all = @(Get-SesAnalyticsStack nope, ses-analytics @motoAws -ErrorAction Continue 2>&1)
        $all.Count | Should -Be 2
        $all[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $all[1].StackName | Should -Be 'ses-analytics'
        { Get-SesAnalyticsStack nope @motoAws -ErrorAction Stop } | Should -Throw -ErrorId 'StackNotFound,*'
    }
}

Describe 'Parameters' {
    It 'has one parameter set, -StackName at position 0 from the pipeline by value and by property name, and no -WhatIf' {
        $command = Get-Command Get-SesAnalyticsStack
        $command.ParameterSets.Count | Should -Be 1
        $stackName = $command.Parameters['StackName']
        $stackName.ParameterType | Should -Be ([string[]])
        $stackName.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 0
        $stackName.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipeline | Should -BeTrue
        $stackName.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -BeTrue
        $command.Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }

    It 'refuses an empty name before calling AWS' {
        { Get-SesAnalyticsStack -StackName '' -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Help examples' {
    BeforeEach {
        if ($moto) {
            Reset-MotoServer $moto
            New-MotoStack $moto -StackName ses-analytics
            New-MotoStack $moto -StackName ses-analytics-eu -Region eu-west-1
        }
        $examples = @(Get-HelpExampleCode Get-SesAnalyticsStack)
    }

    It 'has the two examples tested here' {
        $examples.Title | Should -Be @('Example 1: List the SesAnalytics stacks of a region', "Example 2: Read one stack's bucket")
    }

    It 'Example 1 lists the SesAnalytics stacks of eu-west-1' {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        $stacks = @(Invoke-HelpExampleWithAwsDefault $examples[0].Code $motoAws -NoRegion)
        $stacks.StackName | Should -Be @('ses-analytics-eu')
        $shown = $stacks | Out-String -Width 120
        foreach ($column in 'StackName', 'Status', 'BucketName', 'DeliveryStreamName') { $shown | Should -Match $column }
    }

    It "Example 2 reads one stack's bucket" {
        if ($motoSkip) { Set-ItResult -Skipped -Because $motoSkip; return }
        Invoke-HelpExampleWithAwsDefault $examples[1].Code $motoAws | Should -Be 'ses-analytics-bucket'
    }
}

Describe 'The stack as a table and as a list' {
    BeforeAll {
        $cloudFormation = New-CloudFormationFake
        $cloudFormation.Exists = $true
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $stack = Get-SesAnalyticsStack ses-analytics @fakeAws
    }
    AfterAll { $cloudFormation.Dispose() }

    It 'shows StackName, Status, BucketName and DeliveryStreamName in 80 columns' {
        $table = Assert-ViewText $stack -Width 80 -Match 'StackName\s+Status\s+BucketName\s+DeliveryStreamName',
            'ses-analytics\s+CREATE_COMPLETE\s+ses-analytics-bucket\s+ses-analytics' -PassThru
        ($table -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
    }

    It 'shows the same columns in 120' {
        Assert-ViewText $stack -Width 120 -Match 'StackName\s+Status\s+BucketName\s+DeliveryStreamName',
            'ses-analytics\s+CREATE_COMPLETE\s+ses-analytics-bucket\s+ses-analytics\b'
    }

    It 'lists every output as a property' {
        Assert-ViewText $stack -View List -Width 120 -Match 'StackName\s+: ses-analytics', 'Status\s+: CREATE_COMPLETE', 'BucketName\s+: ses-analytics-bucket',
            'DeliveryStreamArn\s+: arn:aws:firehose:', 'SesRoleArn\s+: arn:aws:iam::', 'GlueLinesTable\s+: events_lines', 'WorkGroup\s+: ses-analytics'
    }
}
