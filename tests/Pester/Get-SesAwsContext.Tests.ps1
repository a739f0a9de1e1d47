# Get-SesAwsContext: where region, credentials and endpoints come from (parameters, the AWS.Tools session, the
# environment, the shared AWS files), and that no secret ever reaches a stream. Nothing here calls AWS.
# The SDK's default chain keeps process-wide caches keyed on the shared files, so everything that goes through it runs
# in a fresh pwsh with its own temporary ~/.aws (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), as a new user's would.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesAwsContext -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY'
    $token = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN'
    $manifest = Get-ModuleManifestPath
    $awsHome = New-TestFolder aws-home
    $configFile = Join-Path $awsHome 'config'
    $credentialsFile = Join-Path $awsHome 'credentials'
    Set-Content -LiteralPath $configFile -Value @(
        '[default]', 'region = ap-south-1', '[profile prod]', 'region = eu-west-3')
    Set-Content -LiteralPath $credentialsFile -Value @(
        '[default]', 'aws_access_key_id = AKIDDEFAULTPROF01', "aws_secret_access_key = $secret"
        '[prod]', 'aws_access_key_id = AKIDPRODPROFILE02', "aws_secret_access_key = $secret")
    $ciFile = Join-Path $awsHome 'ci-credentials'
    Set-Content -LiteralPath $ciFile -Value '[ci]', 'aws_access_key_id = AKIDPROFILEKEY42', "aws_secret_access_key = $secret", 'region = sa-east-1'
    $legacySdk = Join-Path (Get-RepoRoot) 'out/test-packages/awssdk.core/3.7.501.1/lib/net8.0/AWSSDK.Core.dll'

    # Runs scenarios in a fresh pwsh whose only AWS settings are $Environment (instance metadata off, so nothing leaves
    # the machine). Each scenario line is `Show '<label>' { <commands> }`; the result of each, by label: the context's
    # properties, or the error's id, category, target and message. Output is the whole text the process wrote.
    function Invoke-AwsScenario {
        param([hashtable] $Environment = @{}, [Parameter(Mandatory)] [string] $Scenario, [string] $Before = '')
        $settings = @{ AWS_EC2_METADATA_DISABLED = 'true' } + $Environment | ConvertTo-Json -Compress
        $script = @"
Get-ChildItem env:AWS_* | Remove-Item
`$settings = '$($settings -replace "'", "''")' | ConvertFrom-Json -AsHashtable
foreach (`$name in `$settings.Keys) { Set-Item "env:`$name" `$settings[`$name] }
$Before
Import-Module '$manifest' -ErrorAction Stop
function Show([string] `$Label, [scriptblock] `$Commands) {
    try {
        `$context = & `$Commands
        [ordered]@{ Label = `$Label; Region = `$context.Region; RegionSource = `$context.RegionSource; CredentialSource = `$context.CredentialSource
            AccessKeyId = `$context.AccessKeyId; ProfileName = `$context.ProfileName; Endpoints = `$context.Endpoints }
    }
    catch {
        [ordered]@{ Label = `$Label; ErrorId = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Target = "`$(`$_.TargetObject)"; Message = `$_.Exception.Message }
    }
}
`$results = @(
$Scenario
)
'RESULT:' + (ConvertTo-Json -InputObject `$results -Depth 4 -Compress)
"@
        $run = Invoke-FreshPwsh -Script $script
        $line = $run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -Last 1
        $byLabel = @{}
        if ($line) { $line.Substring(7) | ConvertFrom-Json | ForEach-Object { $byLabel[$_.Label] = $_ } }
        [pscustomobject]@{ ExitCode = $run.ExitCode; Output = $run.Output; Result = $byLabel }
    }

    $sharedFiles = @{ AWS_CONFIG_FILE = $configFile; AWS_SHARED_CREDENTIALS_FILE = $credentialsFile }
}

AfterAll {
    Remove-TestFolder $awsHome
}

Describe 'Get-SesAwsContext with parameters and the AWS.Tools session' {
    BeforeEach {
        $savedEnvironment = Get-ChildItem env:AWS_* | ForEach-Object { @{ Name = $_.Name; Value = $_.Value } }
        Get-ChildItem env:AWS_* | Remove-Item
        $env:AWS_EC2_METADATA_DISABLED = 'true'
    }

    AfterEach {
        Get-ChildItem env:AWS_* | Remove-Item
        $savedEnvironment | ForEach-Object { Set-Item "env:$($_.Name)" $_.Value }
        Remove-Variable StoredAWSRegion, StoredAWSCredentials -Scope Global -ErrorAction SilentlyContinue
    }

    It 'takes -Region and the keys over the session, the environment and the files' {
        $global:StoredAWSRegion = 'us-west-2'
        $global:StoredAWSCredentials = 'prod'
        $env:AWS_REGION = 'ca-central-1'
        $env:AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT03'
        $env:AWS_SECRET_ACCESS_KEY = $secret

        $context = Get-SesAwsContext -Region eu-central-1 -AccessKey AKIDEXPLICIT1234 -SecretKey $secret -SessionToken $token

        $context.Region | Should -Be 'eu-central-1'
        $context.RegionSource | Should -Be 'the -Region parameter'
        $context.CredentialSource | Should -Be 'the -AccessKey/-SecretKey parameters'
        $context.AccessKeyId | Should -Be '************1234'
        $context.Partition | Should -Be 'aws'
        $context.ProfileName | Should -BeNullOrEmpty
    }

    It 'takes $StoredAWSRegion, which Set-DefaultAWSRegion sets, over AWS_REGION' {
        $global:StoredAWSRegion = 'ap-southeast-2'
        $env:AWS_REGION = 'ca-central-1'

        $context = Get-SesAwsContext -AccessKey AKIDEXPLICIT1234 -SecretKey $secret

        $context.Region | Should -Be 'ap-southeast-2'
        $context.RegionSource | Should -Be 'the AWS.Tools session ($StoredAWSRegion)'
    }

    It 'takes AWS_REGION over AWS_DEFAULT_REGION, and AWS_DEFAULT_REGION alone' {
        $env:AWS_REGION = 'us-west-1'
        $env:AWS_DEFAULT_REGION = 'us-west-2'
        (Get-SesAwsContext -AccessKey AKIDEXPLICIT1234 -SecretKey $secret).RegionSource | Should -Be 'environment variable AWS_REGION'

        Remove-Item env:AWS_REGION
        $context = Get-SesAwsContext -AccessKey AKIDEXPLICIT1234 -SecretKey $secret
        $context.Region | Should -Be 'us-west-2'
        $context.RegionSource | Should -Be 'environment variable AWS_DEFAULT_REGION'
    }

    It 'takes a PSCredential whose user name is the key id and whose password is the secret' {
        $credential = [pscredential]::new('AKIDPSCREDENT555', (ConvertTo-SecureString $secret -AsPlainText -Force))

        $context = Get-SesAwsContext -Region us-east-1 -Credential $credential

        $context.AccessKeyId | Should -Be '************T555'
        $context.CredentialSource | Should -Be 'the -AccessKey/-SecretKey parameters'
    }

    It 'takes a profile from -ProfileLocation, with its region' {
        $context = Get-SesAwsContext -ProfileName ci -ProfileLocation $ciFile

        $context.ProfileName | Should -Be 'ci'
        $context.CredentialSource | Should -Be "profile 'ci'"
        $context.AccessKeyId | Should -Be '************EY42'
        $context.Region | Should -Be 'sa-east-1'
        $context.RegionSource | Should -Be "profile 'ci'"
    }

    It 'says which files it looked in for a profile that is not there' {
        $err = { Get-SesAwsContext -ProfileName does-not-exist -ProfileLocation $ciFile -Region us-east-1 } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'AwsProfileNotFound,SesAnalytics.Cmdlets.Commands.GetSesAwsContextCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'does-not-exist'
        $err.Exception.Message | Should -Be "The AWS profile 'does-not-exist' was not found in $ciFile. Check the name with 'aws configure list-profiles', or pass -ProfileLocation."
    }

    It 'refuses half a key pair without showing the half it got' {
        $err = { Get-SesAwsContext -Region us-east-1 -SecretKey $secret } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'IncompleteAwsKeys,SesAnalytics.Cmdlets.Commands.GetSesAwsContextCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike '-AccessKey and -SecretKey go together*'
        $text = $err | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        $text | Should -Not -Match ([regex]::Escape($secret))
        ($err | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'refuses what is not a region, an endpoint or a credential' -ForEach @(
        @{ Arguments = @{ Region = 'US EAST' }; Id = 'InvalidAwsRegion'; Target = 'US EAST'; Message = "'US EAST' from -Region is not an AWS region name (such as us-east-1)." }
        @{ Arguments = @{ Region = 'us-east-1'; EndpointUrl = 'ftp://127.0.0.1' }; Id = 'InvalidEndpointUrl'; Target = 'ftp://127.0.0.1'; Message = "The endpoint 'ftp://127.0.0.1' from -EndpointUrl is not an absolute http(s) URL." }
        @{ Arguments = @{ Region = 'us-east-1'; Credential = 'AKIDSTRING' }; Id = 'UnusableAwsCredential'; Target = ''; Message = 'The -Credential value (a String) is not an AWS credentials object. Pass the result of Get-AWSCredential, or use -ProfileName.' }
    ) {
        $keys = $Arguments.ContainsKey('Credential') ? @{} : @{ AccessKey = 'AKIDEXPLICIT1234'; SecretKey = $secret }

        $err = { Get-SesAwsContext @Arguments @keys } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be "$Id,SesAnalytics.Cmdlets.Commands.GetSesAwsContextCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($err.TargetObject)" | Should -Be $Target
        $err.Exception.Message | Should -Be $Message
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }
}

Describe 'Get-SesAwsContext endpoints' {
    BeforeEach {
        $savedEnvironment = Get-ChildItem env:AWS_* | ForEach-Object { @{ Name = $_.Name; Value = $_.Value } }
        Get-ChildItem env:AWS_* | Remove-Item
        $keys = @{ AccessKey = 'AKIDENDPOINT0001'; SecretKey = $secret }
    }

    AfterEach {
        Get-ChildItem env:AWS_* | Remove-Item
        $savedEnvironment | ForEach-Object { Set-Item "env:$($_.Name)" $_.Value }
    }

    It 'calls AWS''s regional endpoints of the region''s partition by default' -ForEach @(
        @{ Region = 'us-east-1'; Partition = 'aws'; Suffix = 'amazonaws.com' }
        @{ Region = 'cn-north-1'; Partition = 'aws-cn'; Suffix = 'amazonaws.com.cn' }
        @{ Region = 'us-gov-west-1'; Partition = 'aws-us-gov'; Suffix = 'amazonaws.com' }
    ) {
        $context = Get-SesAwsContext -Region $Region @keys

        $context.Partition | Should -Be $Partition
        $context.Endpoints['SESv2'] | Should -Be "https://email.$Region.$Suffix/"
        $context.Endpoints['Firehose'] | Should -Be "https://firehose.$Region.$Suffix/"
        @($context.Endpoints.Keys) | Sort-Object | Should -Be @('Athena', 'CloudFormation', 'Firehose', 'S3', 'SESv2', 'STS')
    }

    It 'sends every service to -EndpointUrl' {
        $context = Get-SesAwsContext -Region us-east-1 @keys -EndpointUrl 'http://127.0.0.1:4566'

        $context.Endpoints.Values | ForEach-Object { $_ | Should -Be 'http://127.0.0.1:4566/' }
    }

    It 'takes AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL, and -EndpointUrl over both' {
        $env:AWS_ENDPOINT_URL = 'http://127.0.0.1:4566'
        $env:AWS_ENDPOINT_URL_SESV2 = 'http://127.0.0.1:9000'

        $context = Get-SesAwsContext -Region us-east-1 @keys
        $context.Endpoints['SESv2'] | Should -Be 'http://127.0.0.1:9000/'
        $context.Endpoints['Athena'] | Should -Be 'http://127.0.0.1:4566/'

        $explicit = Get-SesAwsContext -Region us-east-1 @keys -EndpointUrl 'http://127.0.0.1:1234'
        $explicit.Endpoints.Values | ForEach-Object { $_ | Should -Be 'http://127.0.0.1:1234/' }
    }

    It 'ignores the endpoint variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true' {
        $env:AWS_ENDPOINT_URL = 'http://127.0.0.1:4566'
        $env:AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'

        (Get-SesAwsContext -Region eu-west-1 @keys).Endpoints['Athena'] | Should -Be 'https://athena.eu-west-1.amazonaws.com/'
    }

    It 'says which variable holds a bad endpoint' {
        $env:AWS_ENDPOINT_URL_S3 = 'not a url'

        $err = { Get-SesAwsContext -Region us-east-1 @keys } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpointUrl,*'
        $err.Exception.Message | Should -Be "The endpoint 'not a url' from AWS_ENDPOINT_URL_S3 is not an absolute http(s) URL."
    }
}

Describe 'Get-SesAwsContext and secrets' {
    BeforeAll {
        $arguments = @{ Region = 'eu-central-1'; AccessKey = 'AKIDEXPLICIT1234'; SecretKey = $secret; SessionToken = $token }
    }

    It 'shows no secret, no token and no whole key id in any stream, even verbose and debug' {
        $text = Get-SesAwsContext @arguments -Verbose -Debug *>&1 | Out-String -Width 200

        $text | Should -Match 'eu-central-1'
        $text | Should -Match 'AWS region eu-central-1 \(from the -Region parameter\)'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match ([regex]::Escape($token))
        $text | Should -Not -Match 'AKIDEXPLICIT1234'
    }

    It 'holds no secret in any property, however it is shown' {
        $context = Get-SesAwsContext @arguments

        foreach ($text in @(
                ($context | Format-List * -Force | Out-String -Width 200)
                ($context | Format-Table * | Out-String -Width 400)
                ($context | ConvertTo-Json -Depth 5)
                ($context | ConvertTo-Csv | Out-String))) {
            $text | Should -Not -Match ([regex]::Escape($secret))
            $text | Should -Not -Match ([regex]::Escape($token))
            $text | Should -Not -Match 'AKIDEXPLICIT1234'
        }
    }

    It 'describes its sources only when verbose output is wanted' {
        $quiet = Get-SesAwsContext @arguments 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $preferred = & { $VerbosePreference = 'Continue'; Get-SesAwsContext @arguments 4>&1 } | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $overruled = & { $VerbosePreference = 'Continue'; Get-SesAwsContext @arguments -Verbose:$false 4>&1 } | Where-Object { $_ -is [Management.Automation.VerboseRecord] }

        $quiet | Should -BeNullOrEmpty
        $preferred.Message | Should -BeLike 'AWS region eu-central-1 (from the -Region parameter)*access key ************1234*'
        $overruled | Should -BeNullOrEmpty
    }
}

Describe 'Get-SesAwsContext through the SDK default chain' {
    BeforeAll {
        $scenario = @'
Show 'files' { Get-SesAwsContext }
Show 'AWS_PROFILE' { $env:AWS_PROFILE = 'prod'; Get-SesAwsContext }
Show 'back to the default profile' { Remove-Item env:AWS_PROFILE; Get-SesAwsContext }
Show 'environment keys' { $env:AWS_PROFILE = 'prod'; $env:AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT03'; $env:AWS_SECRET_ACCESS_KEY = '{secret}'; $env:AWS_SESSION_TOKEN = '{token}'; Get-SesAwsContext }
Show 'environment region' { $env:AWS_REGION = 'us-west-1'; Get-SesAwsContext -Verbose 4>$null }
Show 'stored profile name' { $global:StoredAWSCredentials = 'default'; $global:StoredAWSRegion = 'ca-central-1'; Get-SesAwsContext }
Show 'unknown stored profile' { $global:StoredAWSCredentials = 'nobody'; Get-SesAwsContext }
Show 'verbose' { Remove-Variable StoredAWSCredentials, StoredAWSRegion -Scope Global; Get-SesAwsContext -Verbose *>&1 | Out-String | ForEach-Object { @{ Region = $_ } } }
Show 'file watchers' {
    Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY, env:AWS_SESSION_TOKEN
    1..100 | ForEach-Object { $null = Get-SesAwsContext }
    @{ Region = (Test-Path /proc/$PID/fd) ? @(Get-ChildItem /proc/$PID/fd | Where-Object { "$($_.LinkTarget)" -like '*inotify*' }).Count : -1 }
}
'@ -replace '\{secret\}', $secret -replace '\{token\}', $token
        $run = Invoke-AwsScenario -Environment $sharedFiles -Scenario $scenario
        $result = $run.Result
    }

    It 'runs' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $result.Count | Should -Be 9 -Because $run.Output
    }

    It 'takes the default profile of the shared files, with the region of their config' {
        $result['files'].CredentialSource | Should -Be "the SDK default chain (profile 'default')"
        $result['files'].AccessKeyId | Should -Be '*************OF01'
        $result['files'].Region | Should -Be 'ap-south-1'
        $result['files'].RegionSource | Should -Be 'the SDK default chain (shared config or instance metadata)'
    }

    It 'takes the profile AWS_PROFILE names, and the default again once it is removed, in one session' {
        $result['AWS_PROFILE'].ProfileName | Should -Be 'prod'
        $result['AWS_PROFILE'].AccessKeyId | Should -Be '*************LE02'
        $result['AWS_PROFILE'].Region | Should -Be 'eu-west-3'
        $result['back to the default profile'].AccessKeyId | Should -Be '*************OF01'
        $result['back to the default profile'].Region | Should -Be 'ap-south-1'
    }

    It 'takes AWS_ACCESS_KEY_ID over AWS_PROFILE, and AWS_REGION over the config file' {
        $result['environment keys'].CredentialSource | Should -Be 'environment variables (AWS_ACCESS_KEY_ID)'
        $result['environment keys'].AccessKeyId | Should -Be '*************NT03'
        $result['environment keys'].ProfileName | Should -BeNullOrEmpty
        $result['environment region'].Region | Should -Be 'us-west-1'
        $result['environment region'].RegionSource | Should -Be 'environment variable AWS_REGION'
    }

    It 'takes the AWS.Tools session over the environment, a profile name in $StoredAWSCredentials included' {
        $result['stored profile name'].CredentialSource | Should -Be "profile 'default' (`$StoredAWSCredentials)"
        $result['stored profile name'].AccessKeyId | Should -Be '*************OF01'
        $result['stored profile name'].Region | Should -Be 'ca-central-1'
        $result['unknown stored profile'].ErrorId | Should -BeLike 'AwsProfileUnusable,*'
        $result['unknown stored profile'].Category | Should -Be 'AuthenticationError'
    }

    It 'writes no secret of the environment to any stream' {
        $result['verbose'].Region | Should -Match 'credentials from environment variables \(AWS_ACCESS_KEY_ID\)'
        $run.Output | Should -Not -Match ([regex]::Escape($secret))
        $run.Output | Should -Not -Match ([regex]::Escape($token))
        $run.Output | Should -Not -Match 'AKIDENVIRONMENT03|AKIDDEFAULTPROF01|AKIDPRODPROFILE02'
    }

    It 'leaves no file watcher behind per command' {
        if ($result['file watchers'].Region -lt 0) { Set-ItResult -Skipped -Because 'this system has no /proc to count inotify instances in'; return }
        # The SDK's shared resolver watches the two shared files; a hundred commands must not add a hundred pairs.
        $result['file watchers'].Region | Should -BeLessOrEqual 4
    }
}

Describe 'Get-SesAwsContext with nothing configured' {
    BeforeAll {
        $nowhere = @{ AWS_CONFIG_FILE = (Join-Path $awsHome 'absent-config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $awsHome 'absent-credentials') }
        $run = Invoke-AwsScenario -Environment $nowhere -Scenario @'
Show 'nothing' { Get-SesAwsContext }
Show 'no region' { Get-SesAwsContext -AccessKey AKIDNOREGION0001 -SecretKey secret }
Show 'no profile' { Get-SesAwsContext -ProfileName prod -Region us-east-1 }
'@
        $result = $run.Result
    }

    # Issue 11, item 7: a missing region or missing credentials are a warning that says how to give them, not an error.
    It 'says how to give credentials' {
        $result['nothing'].PSObject.Properties.Name | Should -Not -Contain 'ErrorId' -Because $run.Output
        $result['nothing'].CredentialSource | Should -BeNullOrEmpty
        $run.Output | Should -Match 'WARNING: No AWS credentials were found: pass -ProfileName or -AccessKey/-SecretKey'
    }

    It 'says how to give a region' {
        $result['no region'].PSObject.Properties.Name | Should -Not -Contain 'ErrorId' -Because $run.Output
        $result['no region'].Region | Should -BeNullOrEmpty
        $result['no region'].AccessKeyId | Should -Be '************0001'
        $run.Output | Should -Match 'WARNING: No AWS region was given or found: pass -Region, set AWS_REGION'
    }

    It 'names the shared files it looked in for a profile' {
        $result['no profile'].ErrorId | Should -BeLike 'AwsProfileNotFound,*'
        $result['no profile'].Message | Should -BeLike "*was not found in the shared AWS config and credentials files ($($nowhere.AWS_CONFIG_FILE), $($nowhere.AWS_SHARED_CREDENTIALS_FILE))*"
    }
}

Describe 'Get-SesAwsContext with AWS.Tools credentials' {
    BeforeAll {
        $legacyReason = (Test-Path -LiteralPath $legacySdk) ? $null : "AWSSDK.Core 3.7 (what AWS.Tools loads) is not restored at $legacySdk; ./build.ps1 -Task Test restores it"
        if (-not $legacyReason) {
            $scenario = @'
Show 'stored' { $global:StoredAWSRegion = 'ap-southeast-2'; $global:StoredAWSCredentials = [Amazon.Runtime.SessionAWSCredentials]::new('AKIDSTOREDKEY999', '{secret}', '{token}'); Get-SesAwsContext }
Show 'credential' { Get-SesAwsContext -Region us-east-1 -Credential ([Amazon.Runtime.BasicAWSCredentials]::new('AKIDLEGACYOBJ777', '{secret}')) }
'@ -replace '\{secret\}', $secret -replace '\{token\}', $token
            $run = Invoke-AwsScenario -Environment $sharedFiles -Scenario $scenario -Before "`$null = [Reflection.Assembly]::LoadFrom('$legacySdk')"
            $result = $run.Result
        }
    }

    It 'takes $StoredAWSCredentials and $StoredAWSRegion that Set-AWSCredential and Set-DefaultAWSRegion leave' {
        if ($legacyReason) { Set-ItResult -Skipped -Because $legacyReason; return }
        $result['stored'].Region | Should -Be 'ap-southeast-2' -Because $run.Output
        $result['stored'].RegionSource | Should -Be 'the AWS.Tools session ($StoredAWSRegion)'
        $result['stored'].CredentialSource | Should -Be 'the AWS.Tools session ($StoredAWSCredentials)'
        $result['stored'].AccessKeyId | Should -Be '************Y999'
    }

    It 'takes an AWS.Tools credentials object as -Credential' {
        if ($legacyReason) { Set-ItResult -Skipped -Because $legacyReason; return }
        $result['credential'].CredentialSource | Should -Be 'the -Credential parameter' -Because $run.Output
        $result['credential'].AccessKeyId | Should -Be '************J777'
        $run.Output | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'Get-SesAwsContext output' {
    BeforeAll {
        $context = Get-SesAwsContext -Region eu-central-1 -AccessKey AKIDEXPLICIT1234 -SecretKey $secret
    }

    It 'shows the region and where region and credentials come from at 80 columns' {
        $text = $context | Format-Table | Out-String -Width 80
        foreach ($column in 'Region', 'RegionSource', 'CredentialSource') { $text | Should -Match $column }
        $text | Should -Match 'eu-central-1\s+the -Region parameter\s+the -AccessKey/-Secr'
    }

    It 'shows the masked key id too at 120 columns' {
        $text = $context | Format-Table | Out-String -Width 120
        foreach ($column in 'Region', 'RegionSource', 'CredentialSource', 'AccessKeyId') { $text | Should -Match $column }
        $text | Should -Match '\*{12}1234'
    }

    It 'shows the partition, the profile and the endpoints as a list' {
        $text = $context | Format-List | Out-String -Width 80
        foreach ($property in 'Region', 'RegionSource', 'Partition', 'CredentialSource', 'ProfileName', 'AccessKeyId', 'Endpoints') { $text | Should -Match "$property\s*:" }
        $text | Should -Match 'firehose\.eu-central-1\.amazonaws\.com'
    }
}

Describe 'Get-SesAwsContext help examples' {
    BeforeAll {
        $scenario = (Get-HelpExampleCode Get-SesAwsContext | ForEach-Object {
                $code = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($_.Code))
                "Show '$($_.Title -replace "'", "''")' { `$output = & ([scriptblock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('$code')))); `$output -is [Collections.IDictionary] ? @{ Endpoints = `$output } : `$output }"
            }) -join "`n"
        $run = Invoke-AwsScenario -Environment $sharedFiles -Scenario $scenario
    }

    It 'runs <Title>' -ForEach $examples {
        $result = $run.Result[$Title]
        $result | Should -Not -BeNullOrEmpty -Because $run.Output
        $result.PSObject.Properties.Name | Should -Not -Contain 'ErrorId' -Because ($result | Out-String)
        $result.Endpoints | Should -Not -BeNullOrEmpty
        switch -Wildcard ($Code) {
            '*-ProfileName prod -Region eu-west-1*' {
                $result.Endpoints.SESv2 | Should -Be 'https://email.eu-west-1.amazonaws.com/'
                $result.Endpoints.CloudFormation | Should -Be 'https://cloudformation.eu-west-1.amazonaws.com/'
            }
            '*AWS_ENDPOINT_URL*' {
                $result.Endpoints.PSObject.Properties.Value | ForEach-Object { $_ | Should -Be 'http://localhost:4566/' }
                $result.Region | Should -Be 'us-east-1'
            }
            default {
                $result.Region | Should -Be 'ap-south-1'
                $result.CredentialSource | Should -Be "the SDK default chain (profile 'default')"
            }
        }
    }
}
