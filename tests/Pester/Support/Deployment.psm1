# What the deployment commands' Pester files share (New-, Get-, Remove-SesAnalyticsStack, Set-, Get-SesConfigSetDestination,
# Send-SesSimulatorEmail): the CloudFormation + SES v2 fake, a command run in its own runspace (to read its progress and
# to press Ctrl+C), a fresh pwsh that answers prompts, resources made directly in moto, and a check of every request a
# fake received against the botocore models in ../shared.
# A test file imports it beside TestSupport.psm1 (which it uses itself):
#   BeforeAll { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force; Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force }
# and, to import the built module and the fakes, continues with $secret = Initialize-FakeAwsTest -PlainText.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# A CloudFormation fake (SES v2 under /v2/email/ on the same endpoint) on 127.0.0.1; Dispose() it after use.
function New-CloudFormationFake {
    Import-TestFakes
    [SesAnalytics.Fakes.CloudFormation.CloudFormationFake]::new()
}

# A host that records what a command tells the user through it rather than through its streams (the only way left once
# Ctrl+C stopped the pipeline): warnings and lines, in order. Compiled once per session.
if (-not ('SesAnalyticsTests.RecordingHost' -as [type])) {
    Add-Type -TypeDefinition @'
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace SesAnalyticsTests
{
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingUI _ui = new RecordingUI();
        public ConcurrentQueue<string> Warnings { get { return _ui.Warnings; } }
        public ConcurrentQueue<string> Lines { get { return _ui.Lines; } }
        public override string Name { get { return "RecordingHost"; } }
        public override System.Version Version { get { return new System.Version(1, 0); } }
        public override System.Guid InstanceId { get; } = System.Guid.NewGuid();
        public override PSHostUserInterface UI { get { return _ui; } }
        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() { throw new System.NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new System.NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class RecordingUI : PSHostUserInterface
    {
        public ConcurrentQueue<string> Warnings { get; } = new ConcurrentQueue<string>();
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();
        public override PSHostRawUserInterface RawUI { get { return null; } }
        public override void WriteWarningLine(string message) { Warnings.Enqueue(message); }
        public override void WriteLine(string value) { Lines.Enqueue(value); }
        public override void Write(string value) { Lines.Enqueue(value); }
        public override void Write(System.ConsoleColor foregroundColor, System.ConsoleColor backgroundColor, string value) { Lines.Enqueue(value); }
        public override void WriteErrorLine(string value) { Lines.Enqueue(value); }
        public override void WriteDebugLine(string message) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override string ReadLine() { throw new System.NotSupportedException(); }
        public override SecureString ReadLineAsSecureString() { throw new System.NotSupportedException(); }
        public override System.Collections.Generic.Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) { throw new System.NotSupportedException(); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw new System.NotSupportedException(); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw new System.NotSupportedException(); }
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) { throw new System.NotSupportedException(); }
    }
}
'@
}

# Runs a script in a new runspace of this process with the module imported and the given variables set, the way the
# pipeline thread of pwsh runs it, and returns every stream, and what the command told the host (HostWarnings,
# HostLines). With -StopWhen, presses Ctrl+C (PowerShell.Stop) once the condition holds (checked on this thread, every
# 20 ms, until -Timeout) and says how long the stop took.
function Invoke-InRunspace {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Variable = @{},
        [scriptblock] $StopWhen,
        [timespan] $Timeout = [timespan]::FromSeconds(60)
    )
    $recorder = [SesAnalyticsTests.RecordingHost]::new()
    $runspace = [runspacefactory]::CreateRunspace($recorder)
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    try {
        $null = $shell.AddScript("Import-Module '$((Get-ModuleManifestPath) -replace "'", "''")' -ErrorAction Stop").Invoke()
        $shell.Commands.Clear()
        foreach ($name in $Variable.Keys) { $runspace.SessionStateProxy.SetVariable($name, $Variable[$name]) }
        $null = $shell.AddScript($Script)
        $pending = $shell.BeginInvoke()
        $stopTook = $null
        $conditionMet = $false
        if ($StopWhen) {
            $deadline = [DateTime]::UtcNow + $Timeout
            while (-not $pending.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                if (& $StopWhen) { $conditionMet = $true; break }
                Start-Sleep -Milliseconds 20
            }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopTook = $watch.Elapsed
        }
        else {
            $null = $pending.AsyncWaitHandle.WaitOne($Timeout)
        }
        $output = @()
        $terminating = $null
        try { $output = @($shell.EndInvoke($pending)) }
        catch { $terminating = $_.Exception.InnerException ?? $_.Exception }
        [pscustomobject]@{
            Output       = $output
            Errors       = @($shell.Streams.Error)
            Warnings     = @($shell.Streams.Warning | ForEach-Object Message)
            Verbose      = @($shell.Streams.Verbose | ForEach-Object Message)
            Progress     = @($shell.Streams.Progress)
            HostWarnings = @($recorder.Warnings)
            HostLines    = @($recorder.Lines)
            Terminating  = $terminating
            State        = $shell.InvocationStateInfo.State
            ConditionMet = $conditionMet
            StopTook     = $stopTook
        }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}

# Runs a script in a fresh, interactive pwsh process whose standard input holds -InputLine (the answers to its prompts,
# one a line); returns its exit code and everything it printed, prompts and "What if:" lines included.
function Invoke-PwshWithInput {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $InputLine = @())
    $file = Join-Path ([IO.Path]::GetTempPath()) "sesanalytics-pester-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -LiteralPath $file -Value $Script
    try {
        $output = $InputLine | & (Get-PwshPath) -NoProfile -File $file 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | ForEach-Object { "$_" }) -join "`n" }
    }
    finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
}

# The lines a script for Invoke-PwshWithInput / Invoke-FreshPwsh starts with: import the built module and point every
# SesAnalytics command at -AwsParameters (a hashtable of EndpointUrl, AccessKey, SecretKey, Region), as a user's
# $PSDefaultParameterValues would.
function Get-FreshSessionPrelude {
    param([Parameter(Mandatory)] [hashtable] $AwsParameters)
    $defaults = ($AwsParameters.Keys | Sort-Object | ForEach-Object { "'*-Ses*:$_' = '$($AwsParameters[$_] -replace "'", "''")'" }) -join '; '
    @"
`$ErrorActionPreference = 'Stop'
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$((Get-ModuleManifestPath) -replace "'", "''")'
`$PSDefaultParameterValues = @{ $defaults }
"@
}

# Runs a help example in this process as a user types it, every SesAnalytics command pointed at -AwsParameters'
# endpoint and keys, and at us-east-1 unless -NoRegion (for an example that names its region), as a user's
# $PSDefaultParameterValues would. Returns what the example writes to the pipeline.
function Invoke-HelpExampleWithAwsDefault {
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [hashtable] $AwsParameters, [switch] $NoRegion)
    $PSDefaultParameterValues = @{
        '*-Ses*:EndpointUrl' = $AwsParameters.EndpointUrl; '*-Ses*:AccessKey' = $AwsParameters.AccessKey; '*-Ses*:SecretKey' = $AwsParameters.SecretKey
    }
    if (-not $NoRegion) { $PSDefaultParameterValues['*-Ses*:Region'] = 'us-east-1' }
    & ([scriptblock]::Create($Code))
}

# Sends one awsQuery call (CloudFormation) straight to moto, as the AWS CLI would; returns the XML answer.
function Invoke-MotoQuery {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [hashtable] $Form, [string] $Region = 'us-east-1', [string] $Service = 'cloudformation')
    $body = (@{ Version = '2010-05-15' } + $Form).GetEnumerator() | ForEach-Object { "$([uri]::EscapeDataString($_.Key))=$([uri]::EscapeDataString([string]$_.Value))" }
    $headers = @{ Authorization = "AWS4-HMAC-SHA256 Credential=$($Moto.AwsParameters.AccessKey)/20260101/$Region/$Service/aws4_request, SignedHeaders=host, Signature=0" }
    [xml](Invoke-WebRequest -Uri $Moto.Endpoint -Method Post -Body ($body -join '&') -Headers $headers -ContentType 'application/x-www-form-urlencoded').Content
}

# Creates a small stack in moto that looks like the module's to the module: the managed-by tag (unless -Unmanaged) and
# the outputs the commands read. moto models the bucket; the other outputs are values, since moto cannot create the
# template's Firehose stream with dynamic partitioning, Glue tables or Athena work group.
function New-MotoStack {
    param([Parameter(Mandatory)] $Moto, [string] $StackName = 'ses-analytics', [string] $Region = 'us-east-1', [switch] $Unmanaged)
    $account = '123456789012'
    $template = @{
        AWSTemplateFormatVersion = '2010-09-09'
        Resources                = @{ EventBucket = @{ Type = 'AWS::S3::Bucket'; Properties = @{ BucketName = "$StackName-bucket" } } }
        Outputs                  = [ordered]@{
            BucketName         = @{ Value = @{ Ref = 'EventBucket' } }
            DeliveryStreamName = @{ Value = $StackName }
            DeliveryStreamArn  = @{ Value = "arn:aws:firehose:${Region}:${account}:deliverystream/$StackName" }
            SesRoleArn         = @{ Value = "arn:aws:iam::${account}:role/$StackName-SesRole" }
            WorkGroup          = @{ Value = $StackName }
        }
    } | ConvertTo-Json -Depth 10
    $tag = $Unmanaged ? @('team', 'web') : @('sesanalytics:managed-by', 'SesAnalytics')
    $null = Invoke-MotoQuery $Moto -Region $Region -Form @{
        Action = 'CreateStack'; StackName = $StackName; TemplateBody = $template
        'Tags.member.1.Key' = $tag[0]; 'Tags.member.1.Value' = $tag[1]
    }
}

# Creates (and, moto being moto, verifies at once) an SES identity in moto: a domain or an address.
function New-MotoEmailIdentity {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [string] $Identity, [string] $Region = 'us-east-1')
    $headers = @{ Authorization = "AWS4-HMAC-SHA256 Credential=$($Moto.AwsParameters.AccessKey)/20260101/$Region/ses/aws4_request, SignedHeaders=host, Signature=0" }
    $null = Invoke-RestMethod -Uri "$($Moto.Endpoint)/v2/email/identities" -Method Post -Headers $headers -ContentType 'application/json' `
        -Body (@{ EmailIdentity = $Identity } | ConvertTo-Json)
}

# What in the requests a CloudFormationFake received does not match the botocore models in ../shared: an unknown
# operation, a member the operation's input does not have, or a required member missing. Empty when all match.
function Get-AwsModelMismatch {
    param([Parameter(Mandatory)] $Fake)
    $models = Join-Path (Get-SharedRoot) 'aws-reference/botocore-models'
    $cloudFormation = Get-Content -Raw (Join-Path $models 'cloudformation/2010-05-15/service-2.json') | ConvertFrom-Json -AsHashtable
    $ses = Get-Content -Raw (Join-Path $models 'sesv2/2019-09-27/service-2.json') | ConvertFrom-Json -AsHashtable
    foreach ($request in $Fake.Requests) {
        if ($request.Path.StartsWith('/v2/email/')) {
            $match = foreach ($name in $ses.operations.Keys) {
                $http = $ses.operations[$name].http
                $pattern = '^' + ([regex]::Escape($http.requestUri) -replace '\\\{[A-Za-z]+\}', '[^/]+') + '$'
                if ($http.method -eq $request.Method -and $request.Path -match $pattern) { $name }
            }
            if (@($match).Count -ne 1) { "SES v2 $($request.Method) $($request.Path) matches $(@($match).Count) operations"; continue }
            $shape = $ses.shapes[$ses.operations[$match].input.shape]
            $body = $request.Body ? (ConvertFrom-Json $request.Body -AsHashtable) : @{}
            $inPath = [regex]::Matches($ses.operations[$match].http.requestUri, '\{([A-Za-z]+)\}') | ForEach-Object { $_.Groups[1].Value }
            foreach ($key in $body.Keys) { if (-not $shape.members.ContainsKey($key)) { "SES v2 ${match}: no member $key" } }
            foreach ($required in @($shape['required'])) {
                if ($required -and $required -notin $inPath -and -not $body.ContainsKey($required)) { "SES v2 ${match}: required $required missing" }
            }
        }
        else {
            $form = $request.Form
            $action = $form['Action']
            if (-not $cloudFormation.operations.ContainsKey($action)) { "CloudFormation: no operation $action"; continue }
            if ($form['Version'] -ne '2010-05-15') { "CloudFormation ${action}: Version $($form['Version'])" }
            $shape = $cloudFormation.shapes[$cloudFormation.operations[$action].input.shape]
            $members = @($form.Keys | Where-Object { $_ -notin 'Action', 'Version' } | ForEach-Object { ($_ -split '\.')[0] } | Sort-Object -Unique)
            foreach ($member in $members) { if (-not $shape.members.ContainsKey($member)) { "CloudFormation ${action}: no member $member" } }
            foreach ($required in @($shape['required'])) { if ($required -and $required -notin $members) { "CloudFormation ${action}: required $required missing" } }
        }
    }
}

# Asserts what a user sees of an error: its id (the first part of FullyQualifiedErrorId), category, target and message,
# and that neither a .NET stack trace of the module nor a secret key shows when it is printed.
function Assert-ErrorRecord {
    param(
        [Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $ErrorRecord,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [System.Management.Automation.ErrorCategory] $Category,
        [AllowNull()] $Target,
        [string[]] $MessageLike = @(),
        [string[]] $Secret = @()
    )
    ($ErrorRecord.FullyQualifiedErrorId -split ',')[0] | Should -Be $Id
    $ErrorRecord.CategoryInfo.Category | Should -Be $Category
    if ($PSBoundParameters.ContainsKey('Target')) { $ErrorRecord.TargetObject | Should -Be $Target }
    foreach ($pattern in $MessageLike) { $ErrorRecord.Exception.Message | Should -BeLike $pattern }
    $printed = $ErrorRecord | Out-String
    $printed | Should -Not -Match ' at SesAnalytics\.'
    foreach ($key in $Secret) { $printed.Contains($key) | Should -BeFalse -Because 'a secret key must never be printed' }
}

Export-ModuleMember -Function *
