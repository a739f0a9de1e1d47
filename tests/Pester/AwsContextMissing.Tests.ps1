# Issue 11, item 7: Get-SesAwsContext is the command that helps find a missing region or missing credentials, so it
# shows what it found and says what is missing as a warning, instead of failing with AwsCredentialsNotFound or
# AwsRegionNotFound. Its help example 1 runs on a fresh machine: a new pwsh whose HOME is an empty folder, with no
# AWS_* variable (only the instance metadata endpoint moved to a closed port on 127.0.0.1, so the SDK's chain runs to
# its end as off EC2 and sends nothing anywhere else). The commands that call AWS still fail with those errors when
# they need the missing piece.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleCode Get-SesAwsContext | Select-Object -First 1 | ForEach-Object { @{ Title = $_.Title; Code = $_.Code } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AwsContext.psm1" -Force
    Import-SesAnalyticsModule
    $secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYMISSINGKEY'
    $noCredentials = 'No AWS credentials were found: pass -ProfileName or -AccessKey/-SecretKey, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run Set-AWSCredential (AWS.Tools).'
    $noRegion = "No AWS region was given or found: pass -Region, set AWS_REGION, add 'region' to your profile, or run Set-DefaultAWSRegion (AWS.Tools)."
    $example = Get-HelpExampleCode Get-SesAwsContext | Select-Object -First 1

    $scenario = @(
        ConvertTo-ScenarioLine -Label 'example 1' -Code $example.Code
        "Show 'keys only' { Get-SesAwsContext -AccessKey AKIDONLYKEYS4321 -SecretKey `$env:SESANALYTICS_TEST_SECRET }"
        "Show 'region only' { Get-SesAwsContext -Region eu-west-1 }"
        "Show 'China region only' { Get-SesAwsContext -Region cn-north-1 }"
        "Show 'endpoint only' { `$env:AWS_ENDPOINT_URL = 'http://127.0.0.1:4566'; try { Get-SesAwsContext } finally { Remove-Item env:AWS_ENDPOINT_URL } }"
        "Show 'silenced' { Get-SesAwsContext -WarningAction SilentlyContinue -WarningVariable seen; [pscustomobject]@{ Warned = `$seen.Count } }"
        "Show 'ErrorAction Stop' { `$ErrorActionPreference = 'Stop'; Get-SesAwsContext -ErrorAction Stop 3>`$null; 'went on' }"
        "Show 'verbose' { Get-SesAwsContext -AccessKey AKIDONLYKEYS4321 -SecretKey `$env:SESANALYTICS_TEST_SECRET -Verbose 4>&1 | Where-Object { `$_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message }"
        "Show 'unknown profile' { Get-SesAwsContext -ProfileName nobody -Region us-east-1 }"
        "Show 'half a key pair' { Get-SesAwsContext -AccessKey AKIDONLYKEYS4321 }"
        "Show 'stack without credentials' { Get-SesAnalyticsStack -StackName ses-analytics -Region us-east-1 -EndpointUrl 'http://127.0.0.1:9' }"
        "Show 'stack without a region' { Get-SesAnalyticsStack -StackName ses-analytics -AccessKey AKIDONLYKEYS4321 -SecretKey `$env:SESANALYTICS_TEST_SECRET -EndpointUrl 'http://127.0.0.1:9' }"
        "Show 'simulator without credentials' { Send-SesSimulatorEmail -From a@example.com -Scenario Success -Region us-east-1 -EndpointUrl 'http://127.0.0.1:9' }"
        "Show 'events without credentials' { Get-SesEvent -StackName ses-analytics -Region us-east-1 -EndpointUrl 'http://127.0.0.1:9' }"
    ) -join "`n"
    # The secret reaches the commands through a variable, so that PowerShell's echo of a failed command line cannot show it.
    $run = Invoke-FreshMachine -Scenario $scenario -Environment @{ SESANALYTICS_TEST_SECRET = $secret }
    $result = $run.Result
}

Describe 'Get-SesAwsContext on a machine with no region and no credentials' {
    It 'runs every scenario in the fresh session' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $result.Count | Should -Be 14 -Because $run.Output
    }

    It 'runs help <Title> without an error, warning about the credentials and the region' -ForEach $examples {
        $example = $result['example 1']
        $example.Errors | Should -BeNullOrEmpty -Because ($example.Errors | Out-String)
        $example.Warnings | Should -Be @($noCredentials, $noRegion)
        $example.Output.Count | Should -Be 1
    }

    It 'shows an empty context, naming nothing it did not find' {
        $context = $result['example 1'].Output[0]
        $context.TypeNames[0] | Should -Be 'SesAnalytics.AwsContextSummary'
        foreach ($property in 'Region', 'RegionSource', 'Partition', 'CredentialSource', 'ProfileName', 'AccessKeyId') {
            $context.$property | Should -BeNullOrEmpty -Because "$property was not found"
        }
        @($context.Endpoints.PSObject.Properties).Count | Should -Be 0
        $context.String | Should -Be 'no region (no credentials)'
        $context.Table | Should -Match 'Region\s+RegionSource\s+CredentialSource'
    }

    It 'leaves nothing behind in the home folder' {
        $run.HomeItems | Where-Object { $_ -match '[\\/]\.aws([\\/]|$)' } | Should -BeNullOrEmpty
    }
}

Describe 'Get-SesAwsContext with one of the two' {
    It 'shows the credentials it found, and warns only about the region' {
        $keys = $result['keys only']
        $keys.Errors | Should -BeNullOrEmpty -Because ($keys.Errors | Out-String)
        $keys.Warnings | Should -Be @($noRegion)
        $keys.Output[0].CredentialSource | Should -Be 'the -AccessKey/-SecretKey parameters'
        $keys.Output[0].AccessKeyId | Should -Be '************4321'
        $keys.Output[0].Region | Should -BeNullOrEmpty
        $keys.Output[0].String | Should -Be 'no region (the -AccessKey/-SecretKey parameters)'
        $keys.Output[0].Table | Should -Match '\n\s+the -AccessKey/-Secr'
    }

    It 'shows the region, its partition and its endpoints, and warns only about the credentials' {
        $region = $result['region only']
        $region.Errors | Should -BeNullOrEmpty -Because ($region.Errors | Out-String)
        $region.Warnings | Should -Be @($noCredentials)
        $context = $region.Output[0]
        $context.Region | Should -Be 'eu-west-1'
        $context.RegionSource | Should -Be 'the -Region parameter'
        $context.Partition | Should -Be 'aws'
        $context.CredentialSource | Should -BeNullOrEmpty
        $context.AccessKeyId | Should -BeNullOrEmpty
        @($context.Endpoints.PSObject.Properties.Name | Sort-Object) | Should -Be @('Athena', 'CloudFormation', 'Firehose', 'S3', 'SESv2', 'STS')
        $context.Endpoints.SESv2 | Should -Be 'https://email.eu-west-1.amazonaws.com/'
        $context.Table | Should -Match 'eu-west-1\s+the -Region param'

        $china = $result['China region only'].Output[0]
        $china.Partition | Should -Be 'aws-cn'
        $china.Endpoints.Firehose | Should -Be 'https://firehose.cn-north-1.amazonaws.com.cn/'
    }

    It 'shows configured endpoints even without a region' {
        $endpoint = $result['endpoint only']
        $endpoint.Warnings | Should -Be @($noCredentials, $noRegion)
        $endpoint.Output[0].Endpoints.PSObject.Properties.Value | Sort-Object -Unique | Should -Be 'http://127.0.0.1:4566/'
        @($endpoint.Output[0].Endpoints.PSObject.Properties).Count | Should -Be 6
    }

    It 'says in -Verbose what it found and what it did not, never the key' {
        $result['verbose'].Output | Should -Be 'No AWS region; credentials from the -AccessKey/-SecretKey parameters (access key ************4321).'
        # The command lines themselves hold the key (PowerShell echoes them in its errors): what the commands wrote must not.
        foreach ($label in 'keys only', 'verbose', 'half a key pair') {
            $written = $result[$label] | Select-Object Output, Warnings, @{ Name = 'Messages'; Expression = { $_.Errors.Message } } | ConvertTo-Json -Depth 6
            $written | Should -Not -Match ([regex]::Escape($secret))
            $written | Should -Not -Match 'AKIDONLYKEYS4321'
        }
        $run.Output | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'A warning, not an error' {
    It 'obeys -WarningAction and -WarningVariable' {
        $silenced = $result['silenced']
        $silenced.Warnings | Should -BeNullOrEmpty
        $silenced.Errors | Should -BeNullOrEmpty
        $silenced.Output[1].Warned | Should -Be 2
    }

    It 'does not stop a script run with -ErrorAction Stop' {
        $result['ErrorAction Stop'].Errors | Should -BeNullOrEmpty -Because ($result['ErrorAction Stop'].Errors | Out-String)
        $result['ErrorAction Stop'].Output[-1] | Should -Be 'went on'
    }

    It 'still fails on what was given wrongly: <Label>' -ForEach @(
        @{ Label = 'unknown profile'; Id = 'AwsProfileNotFound'; Category = 'ObjectNotFound'; Target = 'nobody' }
        @{ Label = 'half a key pair'; Id = 'IncompleteAwsKeys'; Category = 'InvalidArgument'; Target = '' }
    ) {
        $failure = $result[$Label]
        $failure.Output | Should -BeNullOrEmpty
        $failure.Errors.Count | Should -Be 1
        $failure.Errors[0].Id | Should -Be "$Id,SesAnalytics.Cmdlets.Commands.GetSesAwsContextCommand"
        $failure.Errors[0].Category | Should -Be $Category
        $failure.Errors[0].Target | Should -Be $Target
    }
}

Describe 'The commands that call AWS' {
    It '<Label>: fails with <Id> before calling AWS' -ForEach @(
        @{ Label = 'stack without credentials'; Id = 'AwsCredentialsNotFound'; Command = 'GetSesAnalyticsStackCommand'; Category = 'AuthenticationError'; Message = 'No AWS credentials were found: *' }
        @{ Label = 'stack without a region'; Id = 'AwsRegionNotFound'; Command = 'GetSesAnalyticsStackCommand'; Category = 'InvalidArgument'; Message = 'No AWS region was given or found: *' }
        @{ Label = 'simulator without credentials'; Id = 'AwsCredentialsNotFound'; Command = 'SendSesSimulatorEmailCommand'; Category = 'AuthenticationError'; Message = 'No AWS credentials were found: *' }
        @{ Label = 'events without credentials'; Id = 'AwsCredentialsNotFound'; Command = 'GetSesEventCommand'; Category = 'AuthenticationError'; Message = 'No AWS credentials were found: *' }
    ) {
        $failure = $result[$Label]
        $failure.Output | Should -BeNullOrEmpty
        $failure.Warnings | Should -BeNullOrEmpty
        $failure.Errors.Count | Should -Be 1 -Because ($failure | ConvertTo-Json -Depth 4)
        $failure.Errors[0].Id | Should -Be "$Id,SesAnalytics.Cmdlets.Commands.$Command"
        $failure.Errors[0].Category | Should -Be $Category
        $failure.Errors[0].Message | Should -BeLike $Message
        $failure.Errors[0].Text | Should -Not -Match ' at SesAnalytics\.'
        $failure.Errors[0].Text | Should -Not -Match ([regex]::Escape($secret))
    }
}
