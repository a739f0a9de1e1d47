# What the tests of Get-, Save- and Read-SesEventObject share: buckets, objects and stacks put into moto_server (with
# boto3, which comes with moto: unlike .NET's Uri it keeps keys with '..' segments as they are), help examples run with
# the AWS parameters as defaults, and a fresh pwsh stopped with Ctrl+C (SIGINT).

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

$script:MotoSetup = @'
import gzip, json, sys
import boto3

spec = json.load(open(sys.argv[1], encoding="utf-8"))
aws = dict(endpoint_url=spec["endpoint"], region_name="us-east-1",
           aws_access_key_id=spec["accessKey"], aws_secret_access_key=spec["secretKey"])
s3 = boto3.client("s3", **aws)
cloudformation = boto3.client("cloudformation", **aws)
for op in spec["ops"]:
    if op["op"] == "bucket":
        s3.create_bucket(Bucket=op["bucket"])
    elif op["op"] == "put":
        if op.get("lines") is not None:
            body = gzip.compress("".join(line + "\n" for line in op["lines"]).encode("utf-8"), mtime=0)
        else:
            body = op["text"].encode("utf-8")
        s3.put_object(Bucket=op["bucket"], Key=op["key"], Body=body)
    elif op["op"] == "delete":
        s3.delete_object(Bucket=op["bucket"], Key=op["key"])
    elif op["op"] == "stack":
        template = {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": op["bucket"]}}}}
        if op["bucketOutput"]:
            template["Outputs"] = {"BucketName": {"Value": {"Ref": "Bucket"}}}
        cloudformation.create_stack(StackName=op["stack"], TemplateBody=json.dumps(template))
'@

$script:Boto3Reason = $null
$script:Boto3Checked = $false

# Why a test that puts objects into moto cannot run here; $null when it can.
function Get-MotoObjectSkipReason {
    $reason = Get-MotoSkipReason
    if ($reason) { return $reason }
    if (-not $script:Boto3Checked) {
        $script:Boto3Checked = $true
        $python = Get-Command python3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if (-not $python) { $script:Boto3Reason = 'python3 (with boto3, which moto installs) is not on the PATH' }
        else {
            & $python.Source -c 'import boto3' 2>$null
            if ($LASTEXITCODE) { $script:Boto3Reason = "python3 at $($python.Source) cannot import boto3 (moto's own dependency)" }
        }
    }
    $script:Boto3Reason
}

function Invoke-MotoSetup {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [object[]] $Operation)
    $spec = Join-Path ([IO.Path]::GetTempPath()) "moto-setup-$([guid]::NewGuid().ToString('N')).json"
    $code = Join-Path ([IO.Path]::GetTempPath()) "moto-setup-$([guid]::NewGuid().ToString('N')).py"
    try {
        [ordered]@{
            endpoint = $Moto.Endpoint; accessKey = $Moto.AwsParameters.AccessKey; secretKey = $Moto.AwsParameters.SecretKey
            ops = @($Operation)
        } | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $spec -Encoding utf8NoBOM
        Set-Content -LiteralPath $code -Value $script:MotoSetup -Encoding utf8NoBOM
        $output = & (Get-Command python3 -CommandType Application | Select-Object -First 1).Source $code $spec 2>&1
        if ($LASTEXITCODE) { throw "Setting up moto failed: $($output -join "`n")" }
    }
    finally { Remove-Item -LiteralPath $spec, $code -ErrorAction SilentlyContinue }
}

function New-MotoBucket {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [string] $BucketName)
    Invoke-MotoSetup $Moto @(@{ op = 'bucket'; bucket = $BucketName })
}

# Puts objects into a moto bucket: each a hashtable with Key and either Line (JSON lines, stored GZIP as Firehose does)
# or Text (stored as is, e.g. a damaged object). Piped objects are put in one go.
function Add-MotoObject {
    param(
        [Parameter(Mandatory)] $Moto,
        [Parameter(Mandatory)] [string] $BucketName,
        [Parameter(Mandatory, ValueFromPipeline)] [hashtable[]] $Object
    )
    begin { $ops = [Collections.Generic.List[object]]::new() }
    process {
        foreach ($o in $Object) {
            $op = [ordered]@{ op = 'put'; bucket = $BucketName; key = $o.Key }
            if ($o.ContainsKey('Text')) { $op.text = [string] $o.Text } else { $op.lines = [string[]] @($o.Line) }
            $ops.Add($op)
        }
    }
    end { Invoke-MotoSetup $Moto $ops.ToArray() }
}

function Remove-MotoObject {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [string] $BucketName, [Parameter(Mandatory)] [string] $Key)
    Invoke-MotoSetup $Moto @(@{ op = 'delete'; bucket = $BucketName; key = $Key })
}

# A CloudFormation stack in moto that creates the event bucket and, unless -NoBucketOutput, names it in its BucketName
# output, as the SesAnalytics stack does.
function New-MotoStack {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [string] $StackName, [Parameter(Mandatory)] [string] $BucketName, [switch] $NoBucketOutput)
    Invoke-MotoSetup $Moto @(@{ op = 'stack'; stack = $StackName; bucket = $BucketName; bucketOutput = -not $NoBucketOutput })
}

# The key Firehose writes an object of an identity, event type and UTC day under.
function Get-EventObjectKey {
    param([Parameter(Mandatory)] [string] $Identity, [Parameter(Mandatory)] [string] $EventType, [Parameter(Mandatory)] [datetime] $Day, [string] $Suffix = 'a')
    "partitioned/$Identity/$EventType/$($Day.ToString('yyyy/MM/dd'))/ses-1-$($Day.ToString('yyyy-MM-dd'))-08-00-00-$Suffix.gz"
}

# Runs a help example (as Get-HelpExampleCode gives it) after the replacements (paths), in -Location, with the AWS
# parameters as $PSDefaultParameterValues of every SesAnalytics command, as a user who set them in a profile would.
# Returns what it wrote: Output, Errors and Warnings.
function Invoke-HelpExample {
    param(
        [Parameter(Mandatory)] [string] $Code,
        [hashtable] $AwsParameters = @{},
        [hashtable] $Replace = @{},
        [string] $Location
    )
    foreach ($from in $Replace.Keys) { $Code = $Code.Replace($from, $Replace[$from]) }
    $PSDefaultParameterValues = @{}
    foreach ($name in $AwsParameters.Keys) { $PSDefaultParameterValues["*-Ses*:$name"] = $AwsParameters[$name] }
    if ($Location) { Push-Location -LiteralPath $Location }
    try { $written = @(& ([scriptblock]::Create($Code)) 2>&1 3>&1) }
    finally { if ($Location) { Pop-Location } }
    [pscustomobject]@{
        Code     = $Code
        Output   = @($written | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] -and $_ -isnot [Management.Automation.WarningRecord] })
        Errors   = @($written | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        Warnings = @($written | Where-Object { $_ -is [Management.Automation.WarningRecord] })
    }
}

# Why Ctrl+C cannot be sent to another pwsh here; $null when it can.
function Get-InterruptSkipReason {
    if ($IsWindows) { return 'Ctrl+C is sent to the child pwsh as SIGINT, which Windows does not have' }
    if (-not (Get-Command kill -CommandType Application -ErrorAction SilentlyContinue)) { return 'the kill command is not on the PATH' }
    $null
}

# Runs a script in a fresh pwsh, waits (up to -Deadline) until -Until is true (given what the child has written so
# far), presses Ctrl+C (SIGINT, which pwsh takes as Ctrl+C) and measures how long the child takes to stop.
function Invoke-InterruptedPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [Parameter(Mandatory)] [scriptblock] $Until,
        [TimeSpan] $Deadline = [TimeSpan]::FromSeconds(60)
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) "sesanalytics-interrupt-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -LiteralPath $file -Value $Script
    $start = [Diagnostics.ProcessStartInfo]::new((Get-PwshPath))
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $file) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    try {
        $errors = $process.StandardError.ReadToEndAsync()
        $written = [Text.StringBuilder]::new()
        $line = $process.StandardOutput.ReadLineAsync()
        $end = [DateTime]::UtcNow + $Deadline
        $ready = $false
        while (-not $ready -and [DateTime]::UtcNow -lt $end -and -not $process.HasExited) {
            if ($line.Wait(100)) {
                if ($null -eq $line.Result) { break }
                [void] $written.AppendLine($line.Result)
                $line = $process.StandardOutput.ReadLineAsync()
            }
            $ready = [bool] (& $Until $written.ToString())
        }
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        if ($ready) { & (Get-Command kill -CommandType Application | Select-Object -First 1).Source -s INT $process.Id }
        $exited = $process.WaitForExit(30000)
        $stopTook = $stopwatch.Elapsed
        if (-not $exited) { $process.Kill() }
        $process.WaitForExit()
        while ($null -ne $line.Result) { [void] $written.AppendLine($line.Result); $line = $process.StandardOutput.ReadLineAsync() }
        [pscustomobject]@{
            Ready = $ready; Exited = $exited; StopTook = $stopTook
            Output = $written.ToString(); Errors = $errors.Result
        }
    }
    finally {
        if (-not $process.HasExited) { $process.Kill() }
        $process.Dispose()
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function *
