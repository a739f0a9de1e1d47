# Issue 11, item 11 (parts): the AWS parameters as a user meets them. Tab completes -Region with AWS regions (every
# partition's, from AWSSDK.Core's region data) and -ProfileName with the profiles of the shared config and credentials
# files, or of -ProfileLocation, where both used to complete file names. The eight AWS parameters belong to the cloud
# parameter sets only of the commands that also read local files, so the -Path syntax no longer lists what it ignores.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $awsParameters = 'Region', 'ProfileName', 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken', 'Credential', 'EndpointUrl'
    # Every question asked of a store (-Path) or of the stack (-StackName, or -WorkGroup -Database -Table).
    $queries = @(Get-Command -Module SesAnalytics | Where-Object {
            $sets = $_.ParameterSets.Name
            'Path' -in $sets -and 'Stack' -in $sets -and 'Cloud' -in $sets
        } | ForEach-Object { @{ Command = $_.Name; Local = @('Path'); Cloud = @('Cloud', 'Stack') } })
    $scoped = @($queries) + @(@{ Command = 'Read-SesEventObject'; Local = @('Path', 'LiteralPath'); Cloud = @('S3') })
    $scopedNames = $scoped | ForEach-Object Command
    $everywhere = @(Get-Command -Module SesAnalytics | Where-Object { $_.Parameters.ContainsKey('Region') -and $_.Name -notin $scopedNames } |
            ForEach-Object { @{ Command = $_.Name } })
    $allAws = @(Get-Command -Module SesAnalytics | Where-Object { $_.Parameters.ContainsKey('Region') } | ForEach-Object { @{ Command = $_.Name } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes
    $awsParameters = 'Region', 'ProfileName', 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken', 'Credential', 'EndpointUrl'

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    # A folder of files named like what a file-name completion would offer, as the current location.
    $work = New-TestFolder aws-parameters
    'us-east-files.txt', 'eu-notes.txt', 'prod-profile.txt', 'default.txt' | ForEach-Object { Set-Content -LiteralPath (Join-Path $work $_) -Value x }
    $awsHome = Join-Path $work 'aws'
    New-Item -ItemType Directory -Path $awsHome | Out-Null
    Set-Content -LiteralPath (Join-Path $awsHome 'config') -Value @(
        '[default]', 'region = eu-west-1'
        '[profile prod]', 'region = eu-west-3'
        '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', 'region = us-east-1'
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1')
    Set-Content -LiteralPath (Join-Path $awsHome 'credentials') -Value @(
        '[default]', 'aws_access_key_id = AKIDDEFAULT00001', 'aws_secret_access_key = secret'
        '[ci]', 'aws_access_key_id = AKIDCI0000000002', 'aws_secret_access_key = secret')
    $other = Join-Path $work 'team'
    New-Item -ItemType Directory -Path $other | Out-Null
    Set-Content -LiteralPath (Join-Path $other 'credentials') -Value @(
        '[team-a]', 'aws_access_key_id = AKIDTEAMA0000003', 'aws_secret_access_key = secret'
        '[team b]', 'aws_access_key_id = AKIDTEAMB0000004', 'aws_secret_access_key = secret')
}

AfterAll { Remove-TestFolder $work }

Describe 'Tab completion of -Region' {
    BeforeAll { Push-Location $work }
    AfterAll { Pop-Location }

    It 'offers the regions that start with what was typed, with their names as tooltips' {
        $found = Get-Completion 'Get-SesAwsContext -Region eu-w'

        $found.CompletionText | Should -Be @('eu-west-1', 'eu-west-2', 'eu-west-3')
        ($found | Where-Object CompletionText -EQ 'eu-west-1').ToolTip | Should -Be 'Europe (Ireland)'
        $found.ResultType | Sort-Object -Unique | Should -Be 'ParameterValue'
    }

    It 'offers the regions of every partition and no file name' {
        $texts = (Get-Completion 'Get-SesAwsContext -Region ').CompletionText

        foreach ($region in 'us-east-1', 'eu-central-1', 'ap-southeast-2', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1') { $texts | Should -Contain $region }
        $texts | Should -Not -Contain 'us-east-files.txt'
        $texts | Where-Object { $_ -notmatch '^[a-z]{2,}(-[a-z]+)+-\d+$' } | Should -BeNullOrEmpty
        $texts | Should -Be ($texts | Sort-Object)
    }

    It 'completes -Region of <Command>' -ForEach $allAws {
        (Get-Completion "$Command -Region us-east-").CompletionText | Should -Be @('us-east-1', 'us-east-2')
    }

    It 'completes through the alias -RegionToCall' {
        (Get-Completion 'Get-SesAnalyticsStack -RegionToCall ap-southeast-').CompletionText | Should -Contain 'ap-southeast-2'
    }
}

Describe 'Tab completion of -ProfileName' {
    BeforeAll {
        Push-Location $work
        $saved = @{ AWS_CONFIG_FILE = $env:AWS_CONFIG_FILE; AWS_SHARED_CREDENTIALS_FILE = $env:AWS_SHARED_CREDENTIALS_FILE }
        $env:AWS_CONFIG_FILE = Join-Path $awsHome 'config'
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsHome 'credentials'
    }
    AfterAll {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }

    It 'offers the profiles of AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, each once, and no file name' {
        $texts = (Get-Completion 'Get-SesAwsContext -ProfileName ').CompletionText

        $texts | Should -Be @('ci', 'default', 'prod', 'sso-dev')
    }

    It 'offers the profiles that start with what was typed' {
        (Get-Completion 'New-SesAnalyticsStack ses-analytics -ProfileName p').CompletionText | Should -Be @('prod')
        (Get-Completion 'Get-SesBounce -StackName ses-analytics -ProfileName SSO').CompletionText | Should -Be @('sso-dev')
    }

    It 'offers the profiles of -ProfileLocation, relative to the current location, quoting a name with a space' {
        $texts = (Get-Completion 'Get-SesAwsContext -ProfileLocation ./team/credentials -ProfileName ').CompletionText

        $texts | Should -Contain 'team-a'
        $texts | Should -Contain "'team b'"
        $texts | Should -Not -Contain 'ci'
    }

    It 'reads -ProfileLocation given through its alias <_>' -ForEach 'AWSProfilesLocation', 'ProfilesLocation' {
        (Get-Completion "Get-SesAwsContext -$_ ./team/credentials -ProfileName team-").CompletionText | Should -Be @('team-a')
    }

    It 'completes -ProfileName of <Command>' -ForEach $allAws {
        (Get-Completion "$Command -ProfileName c").CompletionText | Should -Be @('ci')
    }

    It 'offers what a command then uses: the completed profile resolves' {
        $context = Get-SesAwsContext -ProfileName ((Get-Completion 'Get-SesAwsContext -ProfileName pro').CompletionText | Select-Object -First 1) -AccessKey AKIDX0000000005 -SecretKey s
        $context.Region | Should -Be 'eu-west-3'
    }
}

Describe 'The AWS parameters of the commands that also read local files' {
    It '<Command>: the <Local> set(s) take none of the AWS parameters' -ForEach $scoped {
        $command = Get-Command $Command
        foreach ($set in $Local) {
            $names = $command.ParameterSets | Where-Object Name -EQ $set | ForEach-Object { $_.Parameters.Name }
            $names | Should -Not -BeNullOrEmpty
            foreach ($parameter in $awsParameters) { $names | Should -Not -Contain $parameter -Because "the $set set reads local files" }
        }
    }

    It '<Command>: the <Cloud> set(s) take all eight' -ForEach $scoped {
        $command = Get-Command $Command
        foreach ($set in $Cloud) {
            $names = $command.ParameterSets | Where-Object Name -EQ $set | ForEach-Object { $_.Parameters.Name }
            foreach ($parameter in $awsParameters) { $names | Should -Contain $parameter -Because "the $set set calls AWS" }
        }
        $command.Parameters['Region'].Aliases | Should -Be @('RegionToCall')
        $command.Parameters['SecretKey'].Aliases | Should -Be @('SK', 'SecretAccessKey')
        $command.Parameters['ProfileLocation'].Aliases | Should -Be @('AWSProfilesLocation', 'ProfilesLocation')
    }

    It '<Command>: Get-Command -Syntax shows them in the cloud lines only' -ForEach $scoped {
        $lines = @((Get-Command $Command -Syntax) -split "`r?`n" | Where-Object { $_.Trim() })
        $local = @($lines | Where-Object { $_ -match '-(Literal)?Path\b' -and $_ -notmatch '-(StackName|WorkGroup|BucketName)\b' })
        $cloud = @($lines | Where-Object { $_ -match '-(StackName|WorkGroup|BucketName)\b' })
        $local.Count | Should -Be $Local.Count
        $cloud.Count | Should -Be $Cloud.Count
        foreach ($parameter in $awsParameters) {
            $local | Should -Not -Match "\[-$parameter <"
            $cloud | ForEach-Object { $_ | Should -Match "\[-$parameter <" }
        }
    }

    It '<Command>: the help shows the same sets' -ForEach $scoped {
        $help = Get-Help $Command -Full
        foreach ($item in $help.syntax.syntaxItem) {
            $names = @($item.parameter.name)
            $isLocal = $names -contains 'Path' -or $names -contains 'LiteralPath'
            foreach ($parameter in $awsParameters) {
                if ($isLocal) { $names | Should -Not -Contain $parameter } else { $names | Should -Contain $parameter }
            }
        }
    }

    It 'refuses an AWS parameter with a local path, rather than ignoring it' -ForEach @(
        @{ Line = 'Get-SesBounce -Path ./store -Region us-east-1'; Command = 'GetSesBounceCommand' }
        @{ Line = 'Get-SesEventSummary -Path ./store -ProfileName prod'; Command = 'GetSesEventSummaryCommand' }
        @{ Line = 'Read-SesEventObject -LiteralPath ./a.gz -EndpointUrl http://127.0.0.1:9'; Command = 'ReadSesEventObjectCommand' }
    ) {
        $err = { & ([scriptblock]::Create($Line)) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be "AmbiguousParameterSet,SesAnalytics.Cmdlets.Commands.$Command"
    }

    It 'reads a local store with $PSDefaultParameterValues for the AWS parameters in place' {
        $store = New-TestFolder aws-parameters-store
        try {
            $day = (Get-Date).ToUniversalTime().Date
            $null = Add-StoreObject -Store $store -Identity example.com -EventType Bounce -Day $day -Line (New-SesTestRecord -EventType Bounce -Identity example.com -Recipient a@example.org -Timestamp $day.AddHours(1))
            $PSDefaultParameterValues = @{ '*-Ses*:Region' = 'us-east-1'; '*-Ses*:EndpointUrl' = 'http://127.0.0.1:9' }
            @(Get-SesBounce -Path $store).Count | Should -Be 1
            @(Get-SesBounce $store -From $day).EmailAddress | Should -Be 'a@example.org'
        }
        finally { Remove-TestFolder $store }
    }

    It 'still takes them in the stack set: <Command> -StackName uses -Region, the keys and -EndpointUrl' -ForEach @(
        @{ Command = 'Get-SesBounce' }, @{ Command = 'Get-SesEvent' }, @{ Command = 'Get-SesEventSummary' }
    ) {
        $cloudFormation = New-CloudFormationFake
        try {
            $fakeAws = Get-FakeAwsParameters $cloudFormation
            $failure = $null
            $verbose = try { & $Command -StackName nowhere -Region eu-west-2 -AccessKey $fakeAws.AccessKey -SecretKey $fakeAws.SecretKey -EndpointUrl $fakeAws.EndpointUrl -Verbose 4>&1 }
            catch { $failure = $_ }

            $failure.FullyQualifiedErrorId | Should -BeLike 'StackNotFound,*'
            ($verbose | ForEach-Object Message) -join "`n" | Should -Match 'AWS region eu-west-2 \(from the -Region parameter\)'
            @($cloudFormation.Actions) | Should -Contain 'DescribeStacks'
        }
        finally { $cloudFormation.Dispose() }
    }

    It '<Command> keeps them in every parameter set' -ForEach $everywhere {
        foreach ($set in (Get-Command $Command).ParameterSets) {
            foreach ($parameter in $awsParameters) { $set.Parameters.Name | Should -Contain $parameter }
        }
    }
}
