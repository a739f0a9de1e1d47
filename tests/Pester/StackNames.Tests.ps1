# Issue 11, item 11 (part): the Glue database is the one name of the stack that must be unique in the account and region
# and did not follow the stack: every stack deployed with the default options was given the database `sesanalytics`,
# so a second one collided with the first. The default is now derived from the stack's name (lower case, hyphens as
# underscores, as Glue and Athena want); an explicit -DatabaseName still wins; an update of a stack deployed with the old
# default keeps the database it has (read from its GlueDatabase output), so no table is replaced. A template exported
# for no stack in particular asks for the database as a CloudFormation parameter with no default.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes
    $ErrorActionPreference = 'Continue'

    # The template a deployment sent (CreateStack, or the change set of an update), as a hashtable.
    function Get-SentTemplate($CloudFormation, [string] $Action) {
        $CloudFormation.FormsOf($Action)[0]['TemplateBody'] | ConvertFrom-Json -AsHashtable
    }
}

Describe 'A new stack' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $cloudFormation.Statuses.Enqueue('CREATE_COMPLETE')
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'names its database after stack <StackName>: <Database>' -ForEach @(
        @{ StackName = 'ses-analytics'; Database = 'ses_analytics' }
        @{ StackName = 'Mail-Prod-2'; Database = 'mail_prod_2' }
        @{ StackName = 'x'; Database = 'x' }
    ) {
        $cloudFormation.StackName = $StackName
        $null = New-SesAnalyticsStack $StackName @fakeAws

        $template = Get-SentTemplate $cloudFormation CreateStack
        $template.Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be $Database
        $template.Resources.EventTable.Properties.DatabaseName.Ref | Should -Be 'GlueDatabase'
        $template.ContainsKey('Parameters') | Should -BeFalse
    }

    It 'gives two stacks with the default options two databases' {
        $null = New-SesAnalyticsStack ses-analytics @fakeAws
        $first = (Get-SentTemplate $cloudFormation CreateStack).Resources.GlueDatabase.Properties.DatabaseInput.Name
        $other = New-CloudFormationFake
        try {
            $other.StackName = 'ses-analytics-eu'
            $other.Statuses.Enqueue('CREATE_COMPLETE')
            $otherAws = Get-FakeAwsParameters $other
            $null = New-SesAnalyticsStack ses-analytics-eu @otherAws
            $second = (Get-SentTemplate $other CreateStack).Resources.GlueDatabase.Properties.DatabaseInput.Name
        }
        finally { $other.Dispose() }

        $first | Should -Be 'ses_analytics'
        $second | Should -Be 'ses_analytics_eu'
    }

    It 'takes -DatabaseName as it is given' {
        $null = New-SesAnalyticsStack ses-analytics -DatabaseName mail_db @fakeAws

        (Get-SentTemplate $cloudFormation CreateStack).Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'mail_db'
    }

    It 'previews the new stack under -WhatIf without calling anything but DescribeStacks' {
        $run = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack ses-analytics -WhatIf @aws'

        $run.HostLines | Should -Contain 'What if: Performing the operation "Add" on target "GlueDatabase (AWS::Glue::Database) in stack ses-analytics".'

        @($cloudFormation.Actions) | Should -Be @('DescribeStacks')
    }

    It 'still refuses a database name Glue would refuse, before calling AWS' {
        $failure = $null
        try { New-SesAnalyticsStack ses-analytics -DatabaseName 'Mail-DB' @fakeAws } catch { $failure = $_ }

        Assert-ErrorRecord $failure -Id InvalidDatabaseName -Category InvalidArgument -Target 'Mail-DB' -MessageLike "'Mail-DB' cannot be a Glue database name*"
        @($cloudFormation.Actions) | Should -BeNullOrEmpty
    }
}

Describe 'Updating a stack deployed with the old default' {
    BeforeEach {
        $cloudFormation = New-CloudFormationFake
        $cloudFormation.Exists = $true
        # The fake's stack says what a stack deployed by an earlier version says: GlueDatabase sesanalytics.
        $cloudFormation.Outputs['GlueDatabase'] | Should -Be 'sesanalytics'
        $fakeAws = Get-FakeAwsParameters $cloudFormation
        $cloudFormation.Statuses.Enqueue('UPDATE_IN_PROGRESS')
        $cloudFormation.Statuses.Enqueue('UPDATE_COMPLETE')
    }
    AfterEach { $cloudFormation.Dispose() }

    It 'keeps its database, and says so with -Verbose' {
        $verbose = New-SesAnalyticsStack ses-analytics -RetentionDays 90 -Verbose @fakeAws 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

        $template = Get-SentTemplate $cloudFormation CreateChangeSet
        $template.Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'sesanalytics'
        $verbose | Should -Contain "The stack 'ses-analytics' keeps its Glue database 'sesanalytics' (its GlueDatabase output); -DatabaseName would choose another, replacing the database and its tables."
    }

    It 'keeps it in the -WhatIf preview too' {
        $null = Invoke-InRunspace -Variable @{ aws = $fakeAws } -Script 'New-SesAnalyticsStack ses-analytics -WhatIf @aws'

        (Get-SentTemplate $cloudFormation CreateChangeSet).Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'sesanalytics'
    }

    It 'keeps a database that was chosen with -DatabaseName' {
        $cloudFormation.Outputs['GlueDatabase'] = 'mail_db'

        $null = New-SesAnalyticsStack ses-analytics @fakeAws

        (Get-SentTemplate $cloudFormation CreateChangeSet).Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'mail_db'
    }

    It 'moves to another database only when -DatabaseName says so' {
        $null = New-SesAnalyticsStack ses-analytics -DatabaseName ses_analytics @fakeAws

        (Get-SentTemplate $cloudFormation CreateChangeSet).Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'ses_analytics'
    }

    It 'names it after the stack when the stack has no GlueDatabase output' {
        $null = $cloudFormation.Outputs.Remove('GlueDatabase')

        $null = New-SesAnalyticsStack ses-analytics @fakeAws

        (Get-SentTemplate $cloudFormation CreateChangeSet).Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'ses_analytics'
    }
}

Describe 'Export-SesAnalyticsTemplate' {
    It 'names the database after -StackName' {
        $template = Export-SesAnalyticsTemplate -StackName Mail-Prod -Format Json | ConvertFrom-Json -AsHashtable

        $template.Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'mail_prod'
        $template.ContainsKey('Parameters') | Should -BeFalse
    }

    It 'takes -DatabaseName over -StackName' {
        $template = Export-SesAnalyticsTemplate -StackName Mail-Prod -DatabaseName mail_db -Format Json | ConvertFrom-Json -AsHashtable

        $template.Resources.GlueDatabase.Properties.DatabaseInput.Name | Should -Be 'mail_db'
    }

    It 'asks for the database as a template parameter without a default when it knows neither' {
        $template = Export-SesAnalyticsTemplate -Format Json | ConvertFrom-Json -AsHashtable

        $template.Resources.GlueDatabase.Properties.DatabaseInput.Name.Ref | Should -Be 'DatabaseName'
        $parameter = $template.Parameters.DatabaseName
        $parameter.Type | Should -Be 'String'
        $parameter.AllowedPattern | Should -Be '^[a-z0-9_]{1,255}$'
        $parameter.ContainsKey('Default') | Should -BeFalse
        $parameter.Description | Should -BeLike '*GlueDatabase output*'
        @($template.Keys) | Should -Be @('AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Resources', 'Outputs')
    }

    It 'refuses a stack name CloudFormation would refuse' {
        { Export-SesAnalyticsTemplate -StackName 'ses_analytics' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'passes cfn-lint both ways, named after a stack and with the parameter' {
        $reason = Get-CfnLintSkipReason
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $folder = New-TestFolder stack-names-lint
        try {
            Export-SesAnalyticsTemplate -Path (Join-Path $folder 'named.yaml') -StackName ses-analytics | Out-Null
            Export-SesAnalyticsTemplate -Path (Join-Path $folder 'parameter.json') | Out-Null
            Push-Location $folder
            try { $findings = @(cfn-lint --format parseable --include-checks I -- named.yaml parameter.json 2>&1 | ForEach-Object { "$_" }) }
            finally { Pop-Location }
            $findings | Should -BeNullOrEmpty
        }
        finally { Remove-TestFolder $folder }
    }
}

# Issue 11, item 11 (part): Export-SesAnalyticsTemplate -Path returned a bare FileInfo, which the file system's table
# view showed with blank columns (no provider properties). It returns what Get-Item returns for the file.
Describe 'Export-SesAnalyticsTemplate -Path output' {
    BeforeAll {
        $folder = New-TestFolder export-item
        $path = Join-Path $folder 'ses-analytics.yaml'
        $file = Export-SesAnalyticsTemplate -Path $path -StackName ses-analytics
    }
    AfterAll { Remove-TestFolder $folder }

    It 'returns the file as Get-Item does, with the provider''s properties' {
        @($file).Count | Should -Be 1
        $file | Should -BeOfType [IO.FileInfo]
        $file.PSPath | Should -Be (Get-Item -LiteralPath $path).PSPath
        $file.PSParentPath | Should -Be (Get-Item -LiteralPath $path).PSParentPath
        $file.PSChildName | Should -Be 'ses-analytics.yaml'
        $file.PSIsContainer | Should -BeFalse
        $file.PSProvider.Name | Should -Be 'FileSystem'
    }

    It 'shows the same table as Get-Item at <_> columns, no column blank' -ForEach 80, 120 {
        $shown = $file | Format-Table | Out-String -Width $_
        $expected = Get-Item -LiteralPath $path | Format-Table | Out-String -Width $_

        $shown | Should -Be $expected
        # The file system's own view: mode, owner, time and size filled in (at 80 columns it wraps the name, as for Get-Item).
        $row = $shown -split "`n" | Where-Object { $_ -match 'ses-analytics\.' }
        $row | Should -Match "^\S+\s.*\s$((Get-Item -LiteralPath $path).Length) ses-analytics\."
    }

    It 'goes down the pipeline as a file item' {
        $file | Get-Content -TotalCount 1 | Should -Be 'AWSTemplateFormatVersion: "2010-09-09"'
        ($file | Copy-Item -Destination (Join-Path $folder 'copy.yaml') -PassThru).Name | Should -Be 'copy.yaml'
    }
}
