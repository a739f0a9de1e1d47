# Export-SesAnalyticsTemplate: the template of every option, in YAML and JSON, passes AWS's cfn-lint without an error
# or a warning, and without an informational finding but the one the command itself warns about (a KMS alias ARN);
# files are written whole, only with -Force over an old one, never with -WhatIf; the help examples run (the AWS CLI
# against moto on 127.0.0.1).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    $variants = @(Get-TemplateVariant)
    $examples = @(Get-HelpExampleTestCase Export-SesAnalyticsTemplate -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $work = New-TestFolder export-template
    $outputNames = 'BucketName', 'DeliveryStreamName', 'DeliveryStreamArn', 'DeliveryRoleArn', 'SesRoleArn', 'GlueDatabase', 'GlueTable', 'GlueLinesTable', 'WorkGroup', 'LayoutVersion'
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'Export-SesAnalyticsTemplate and cfn-lint' {
    BeforeAll {
        $cfnLintReason = Get-CfnLintSkipReason
        $lintFolder = Join-Path $work 'lint'
        New-Item -ItemType Directory -Path $lintFolder | Out-Null
        # Discovery's data is not there when tests run: the same list again.
        $variants = @(Get-TemplateVariant)
        foreach ($variant in $variants) {
            $options = $variant.Options
            $text = Export-SesAnalyticsTemplate @options -Format $variant.Format -WarningAction SilentlyContinue
            [IO.File]::WriteAllText((Join-Path $lintFolder $variant.File), $text)
        }
        # A template with a known fault goes into the same run, to show that the run lints the files it is given.
        $control = Export-SesAnalyticsTemplate -Format Json | ConvertFrom-Json
        $control.Resources.DeliveryLogGroup.Properties.RetentionInDays = 2
        $control.Resources.DeliveryLogGroup.PSObject.Properties.Remove('DeletionPolicy')
        $control | ConvertTo-Json -Depth 50 | Set-Content -LiteralPath (Join-Path $lintFolder 'control.json')
        $findings = @()
        if (-not $cfnLintReason) {
            # One run over every file (cfn-lint takes seconds to start); informational rules included, in the partitions
            # the template claims to support.
            Push-Location $lintFolder
            try {
                $files = @($variants | ForEach-Object File) + 'control.json'
                $findings = @(cfn-lint --format parseable --include-checks I --regions us-east-1 eu-west-1 ap-southeast-2 cn-north-1 us-gov-west-1 -- $files 2>&1 |
                    ForEach-Object { "$_" })
            }
            finally { Pop-Location }
        }
        # With an alias ARN the delivery role's KMS statement names the alias, which IAM does not match: the command
        # warns about exactly that, and cfn-lint reports it as information (I3510), neither error nor warning.
        $expected = @{ 'a-KMS-alias.yaml' = 'I3510'; 'a-KMS-alias.json' = 'I3510' }
    }

    It 'lints <Name> in <Format> with no finding' -ForEach $variants {
        if ($cfnLintReason) { Set-ItResult -Skipped -Because $cfnLintReason; return }
        $mine = @($findings | Where-Object { $_ -like "${File}:*" })
        $unexpected = @($mine | Where-Object { -not ($expected[$File] -and $_ -match ":$($expected[$File]):") })

        $unexpected | Should -BeNullOrEmpty -Because ($mine -join "`n")
        $mine | Where-Object { $_ -match ':[EW]\d{4}:' } | Should -BeNullOrEmpty
    }

    It 'linted every file it was given' {
        if ($cfnLintReason) { Set-ItResult -Skipped -Because $cfnLintReason; return }
        $findings | Where-Object { $_ -like 'control.json:*:E3030:*' } | Should -Not -BeNullOrEmpty -Because ($findings -join "`n")
        # Without its DeletionPolicy, the log group gets the informational I3011 the template settles deliberately.
        $findings | Where-Object { $_ -like 'control.json:*:I3011:*' } | Should -Not -BeNullOrEmpty
        $findings | Where-Object { $_ -notmatch '^[\w.-]+\.(json|yaml):\d+:\d+:\d+:\d+:[EWI]\d{4}:' } | Should -BeNullOrEmpty -Because 'every line names a file and a rule'
        Get-ChildItem -LiteralPath $lintFolder -File | Measure-Object | ForEach-Object Count | Should -Be ($variants.Count + 1)
    }
}

Describe 'Export-SesAnalyticsTemplate text' {
    It 'returns one YAML string by default, in the long form that needs no custom tags' {
        $text = @(Export-SesAnalyticsTemplate)

        $text.Count | Should -Be 1
        $text[0] | Should -BeOfType [string]
        $text[0] | Should -BeLike "AWSTemplateFormatVersion: `"2010-09-09`"`n*"
        $text[0] | Should -Match "`nOutputs:`n"
        $text[0] | Should -Match 'Fn::Sub:'
        $text[0] | Should -Not -Match '!(Sub|Ref|GetAtt)\b'
    }

    It 'returns JSON with the outputs the other commands read and the options in place' {
        $text = Export-SesAnalyticsTemplate -Format Json -RetentionDays 90 -ConfigurationSetName marketing -Tag @{ team = 'mail' }
        $template = $text | ConvertFrom-Json

        @($template.Outputs.PSObject.Properties.Name) | Should -Be $outputNames
        $template.Resources.EventTable.Properties.TableInput.Parameters.'projection.day.range' | Should -Be 'NOW-90DAYS,NOW'
        $text | Should -Match 'configuration-set/marketing'
        $template.Resources.EventBucket.Properties.Tags | Where-Object Key -EQ 'team' | ForEach-Object Value | Should -Be 'mail'
    }

    It 'keeps the bucket and deletes the delivery log group with the stack' {
        $template = Export-SesAnalyticsTemplate -Format Json | ConvertFrom-Json

        $template.Resources.EventBucket.DeletionPolicy | Should -Be 'Retain'
        $template.Resources.EventBucket.UpdateReplacePolicy | Should -Be 'Retain'
        $template.Resources.DeliveryLogGroup.DeletionPolicy | Should -Be 'Delete'
        $template.Resources.DeliveryLogGroup.UpdateReplacePolicy | Should -Be 'Delete'
    }

    It 'gives the same text for the same options' {
        $first = Export-SesAnalyticsTemplate -RetentionDays 30 -Tag @{ b = '2'; a = '1' }
        $second = Export-SesAnalyticsTemplate -Tag @{ a = '1'; b = '2' } -RetentionDays 30

        $second | Should -BeExactly $first
    }

    It 'warns that a key alias ARN cannot be matched by IAM, and still writes the template' {
        $text = Export-SesAnalyticsTemplate -KmsKeyArn arn:aws:kms:us-east-1:111122223333:alias/ses -WarningVariable warnings 3>$null

        $text | Should -Not -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'key ARN'
    }

    It 'says what it generates with -Verbose' {
        $verbose = Export-SesAnalyticsTemplate -RetentionDays 30 -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Match 'Generating the Yaml template: retention 30 days'
    }

    It 'refuses <Name> with the range or rule in the message' -ForEach @(
        @{ Name = 'a buffer under 64 MB'; Options = @{ BufferSizeMB = 5 }; Id = 'BufferSizeMBOutOfRange'; Message = '*between 64 and 128*it was 5.' }
        @{ Name = 'a retention of 0 days'; Options = @{ RetentionDays = 0 }; Id = 'RetentionDaysOutOfRange'; Message = '*between 1 and 3650 days*' }
        @{ Name = 'a buffer interval of 30 s'; Options = @{ BufferIntervalSeconds = 30 }; Id = 'BufferIntervalSecondsOutOfRange'; Message = '*between 60 and 900 seconds*' }
        @{ Name = 'an upper-case bucket name'; Options = @{ BucketName = 'My_Bucket' }; Id = 'InvalidBucketName'; Message = "The bucket name 'My_Bucket' is not a valid S3 bucket name*" }
        @{ Name = 'a key that is not an ARN'; Options = @{ KmsKeyArn = 'my-key' }; Id = 'InvalidKmsKeyArn'; Message = "'my-key' is not a KMS key ARN*" }
        @{ Name = 'a configuration set name with a space'; Options = @{ ConfigurationSetName = 'my set' }; Id = 'InvalidConfigurationSetName'; Message = "'my set' is not an SES configuration set name*" }
        @{ Name = 'an upper-case database name'; Options = @{ DatabaseName = 'Mail' }; Id = 'InvalidDatabaseName'; Message = "'Mail' cannot be a Glue database name*" }
        @{ Name = 'a table name too long for its lines table'; Options = @{ TableName = 'x' * 250 }; Id = 'InvalidTableName'; Message = '*is too long*' }
        @{ Name = 'a scan limit under 10 MB'; Options = @{ BytesScannedCutoffPerQuery = 1000 }; Id = 'BytesScannedCutoffPerQueryOutOfRange'; Message = '*at least 10,000,000 bytes*' }
        @{ Name = 'an aws: tag'; Options = @{ Tag = @{ 'aws:team' = 'x' } }; Id = 'InvalidTagKey'; Message = "The tag key 'aws:team' cannot be used*" }
        @{ Name = 'a tag value with parentheses'; Options = @{ Tag = @{ Name = 'SES events (prod)' } }; Id = 'InvalidTagValue'; Message = "The value of tag 'Name' cannot be used: a value has 0-256 letters, digits, spaces and the characters _ . : / = + - @." }
    ) {
        $output = $null
        $err = { $output = Export-SesAnalyticsTemplate @Options } | Should -Throw -PassThru

        $output | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "$Id,SesAnalytics.Cmdlets.Commands.ExportSesAnalyticsTemplateCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike $Message
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }
}

Describe 'Export-SesAnalyticsTemplate -Path' {
    BeforeEach {
        $folder = Join-Path $work "files-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        New-Item -ItemType Directory -Path $folder | Out-Null
    }

    It 'writes <Leaf> as <Expected> and returns the file' -ForEach @(
        @{ Leaf = 'ses-analytics.json'; Format = $null; Expected = 'JSON' }
        @{ Leaf = 'ses-analytics.template'; Format = $null; Expected = 'JSON' }
        @{ Leaf = 'ses-analytics.yaml'; Format = $null; Expected = 'YAML' }
        @{ Leaf = 'ses-analytics.yml'; Format = $null; Expected = 'YAML' }
        @{ Leaf = 'ses-analytics.txt'; Format = $null; Expected = 'YAML' }
        @{ Leaf = 'ses-analytics.json'; Format = 'Yaml'; Expected = 'YAML' }
    ) {
        $path = Join-Path $folder $Leaf
        $format = $Format ? @{ Format = $Format } : @{}

        $file = Export-SesAnalyticsTemplate -Path $path @format

        $file | Should -BeOfType [IO.FileInfo]
        $file.FullName | Should -Be $path
        (Get-ChildItem -LiteralPath $folder -Force).Name | Should -Be $Leaf
        $text = Get-Content -Raw -LiteralPath $path
        if ($Expected -eq 'JSON') { ($text | ConvertFrom-Json).Resources | Should -Not -BeNullOrEmpty }
        else { $text | Should -BeLike 'AWSTemplateFormatVersion: *' }
    }

    It 'writes to a path relative to the current location' {
        Push-Location $folder
        try { $file = Export-SesAnalyticsTemplate ./relative.yaml }
        finally { Pop-Location }

        $file.FullName | Should -Be (Join-Path $folder 'relative.yaml')
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $folder 'ses-analytics.yaml'

        Export-SesAnalyticsTemplate -Path $path -WhatIf | Should -BeNullOrEmpty

        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'leaves an existing file alone without -Force and replaces it with -Force' {
        $path = Join-Path $folder 'ses-analytics.yaml'
        Export-SesAnalyticsTemplate -Path $path -RetentionDays 30 | Out-Null
        $first = Get-Content -Raw -LiteralPath $path

        $again = Export-SesAnalyticsTemplate -Path $path -RetentionDays 60 -ErrorVariable err 2>$null

        $again | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'TemplateFileExists,SesAnalytics.Cmdlets.Commands.ExportSesAnalyticsTemplateCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be $path
        $err[0].Exception.Message | Should -Be "The file '$path' already exists and was left unchanged. Use -Force to overwrite it, or choose another -Path."
        Get-Content -Raw -LiteralPath $path | Should -BeExactly $first

        Export-SesAnalyticsTemplate -Path $path -RetentionDays 60 -Force | Out-Null

        Get-Content -Raw -LiteralPath $path | Should -Match 'NOW-60DAYS,NOW'
        (Get-ChildItem -LiteralPath $folder -Force).Name | Should -Be 'ses-analytics.yaml'
    }

    It 'says so when the folder does not exist' {
        $path = Join-Path $folder 'missing/ses-analytics.yaml'

        Export-SesAnalyticsTemplate -Path $path -ErrorVariable err 2>$null | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -BeLike 'TemplateDirectoryNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $path
        $err[0].Exception.Message | Should -Be "The folder '$(Join-Path $folder 'missing')' does not exist. Create it first, or choose another -Path."
    }
}

Describe 'Export-SesAnalyticsTemplate output' {
    BeforeAll {
        $file = Export-SesAnalyticsTemplate -Path (Join-Path $work 'shown.yaml') -Force
    }

    It 'shows the file written in a table at <_> columns' -ForEach 80, 120 {
        $text = $file | Format-Table | Out-String -Width $_
        $text | Should -Match 'Name'
        $text | Should -Match 'shown\.yaml'
    }

    It 'shows the file written as a list' {
        Assert-ViewText $file -View List -Width 80 -Match 'Name\s*:\s*shown\.yaml', 'Length\s*:'
    }
}

Describe 'Export-SesAnalyticsTemplate help examples' {
    BeforeAll {
        $awsCliReason = Get-AwsCliSkipReason
        $motoReason = Get-MotoSkipReason
        if (-not ($awsCliReason -or $motoReason)) { $moto = Start-MotoServer }
    }

    AfterAll {
        Stop-MotoServer $moto
    }

    BeforeEach {
        $folder = Join-Path $work "example-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Push-Location $folder
        $savedEnvironment = Get-ChildItem env:AWS_* | ForEach-Object { @{ Name = $_.Name; Value = $_.Value } }
    }

    AfterEach {
        Pop-Location
        Get-ChildItem env:AWS_* | Remove-Item
        $savedEnvironment | ForEach-Object { Set-Item "env:$($_.Name)" $_.Value }
    }

    It 'runs <Title>' -ForEach $examples {
        if ($Code -match '(?m)^aws ') {
            if ($awsCliReason -or $motoReason) { Set-ItResult -Skipped -Because ($awsCliReason ?? $motoReason); return }
            # The AWS CLI of the example, pointed at moto on 127.0.0.1 with dummy credentials and no shared files.
            Get-ChildItem env:AWS_* | Remove-Item
            $env:AWS_ENDPOINT_URL = $moto.Endpoint
            $env:AWS_ACCESS_KEY_ID = $moto.AwsParameters.AccessKey
            $env:AWS_SECRET_ACCESS_KEY = $moto.AwsParameters.SecretKey
            $env:AWS_DEFAULT_REGION = 'us-east-1'
            $env:AWS_CONFIG_FILE = Join-Path $folder 'no-config'
            $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $folder 'no-credentials'
            $env:AWS_EC2_METADATA_DISABLED = 'true'
        }

        $output = @(& ([scriptblock]::Create($Code)) 2>&1)

        $output | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty -Because ($output | Out-String)
        if ($Code -match '(?m)^aws ') {
            $LASTEXITCODE | Should -Be 0
            ($output | Select-Object -Skip 1) -join "`n" | ConvertFrom-Json | ForEach-Object Description | Should -BeLike 'SES events through Kinesis Data Firehose*'
            Test-Path ./ses-analytics.yaml | Should -BeTrue
        }
        elseif ($Code -match '-Path') {
            $output.Count | Should -Be 1
            $output[0].Name | Should -Be 'ses-analytics.json'
            $template = Get-Content -Raw ./ses-analytics.json | ConvertFrom-Json
            $template.Resources.AthenaWorkGroup.Properties.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption | Should -Be 'SSE_KMS'
            $template.Resources.EventTable.Properties.TableInput.Parameters.'projection.day.range' | Should -Be 'NOW-365DAYS,NOW'
        }
        else {
            $output.Count | Should -Be 1
            $template = $output[0] | ConvertFrom-Json
            $template.Resources.AthenaWorkGroup.Properties.WorkGroupConfiguration.BytesScannedCutoffPerQuery | Should -Be 10000000000
            $template.Resources.EventBucket.Properties.BucketName | Should -Be 'my-ses-events'
        }
    }
}
