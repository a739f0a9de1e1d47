# Helpers of the Pester files of the commands that work without AWS (Import-SesEvent, New-SesSampleEvent,
# Export-SesAnalyticsTemplate, Get-SesAwsContext): the external tools they are checked against (jq 1.6, cfn-lint, the
# AWS CLI), the objects of a store read back, and a pipeline run in its own runspace so it can be stopped.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# Why the jq comparison cannot run here; $null when it can. Firehose runs jq 1.6, whose output other versions differ from.
function Get-JqSkipReason {
    $jq = Get-Command jq -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $jq) { return 'jq is not installed (apt-get install jq); it is the reference for the partition keys' }
    $version = & $jq.Source --version
    if ($version -ne 'jq-1.6') { return "Firehose runs jq 1.6, and this machine has $version" }
    $null
}

function Get-CfnLintSkipReason {
    if (Get-Command cfn-lint -CommandType Application -ErrorAction SilentlyContinue) { return $null }
    'cfn-lint (AWS''s CloudFormation linter, pip install cfn-lint) is not installed on this machine; CI always has it'
}

function Get-AwsCliSkipReason {
    if (Get-Command aws -CommandType Application -ErrorAction SilentlyContinue) { return $null }
    'the AWS CLI (aws) is not installed on this machine'
}

# Every template Export-SesAnalyticsTemplate can produce, as far as its options go: each option alone at its edges, and
# all together; in YAML and in JSON. Name, Format, Options (to splat) and File (a file name for it).
function Get-TemplateVariant {
    $keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    $options = [ordered]@{
        'the defaults'               = @{}
        'a retention of one day'     = @{ RetentionDays = 1 }
        'a retention of 400 days'    = @{ RetentionDays = 400 }
        'a retention of ten years'   = @{ RetentionDays = 3650 }
        'the shortest buffering'     = @{ BufferIntervalSeconds = 60; BufferSizeMB = 64 }
        'the longest buffering'      = @{ BufferIntervalSeconds = 900; BufferSizeMB = 128 }
        'a bucket name'              = @{ BucketName = 'my-ses-events.example' }
        'a KMS key'                  = @{ KmsKeyArn = $keyArn }
        'a KMS alias'                = @{ KmsKeyArn = 'arn:aws:kms:us-east-1:111122223333:alias/ses' }
        'one configuration set'      = @{ ConfigurationSetName = 'marketing' }
        'two configuration sets'     = @{ ConfigurationSetName = 'marketing', 'transactional_2' }
        'a database and table name'  = @{ DatabaseName = 'mail_db'; TableName = 'ses_events' }
        'the longest table name'     = @{ TableName = 'events_' + ('x' * 242) }
        'a work group name'          = @{ WorkGroupName = 'mail.analytics-1' }
        'a scan limit'               = @{ BytesScannedCutoffPerQuery = 10000000 }
        'tags of every character'    = @{ Tag = @{ team = 'mail'; 'cost-center' = '42'; 'owner:name' = 'SES events: prod/eu @main + 1_a=b'; 'Größe' = 'groß'; empty = '' } }
        'every option'               = @{
            RetentionDays = 90; BufferIntervalSeconds = 120; BufferSizeMB = 96; BucketName = 'ses-events-prod'; KmsKeyArn = $keyArn
            ConfigurationSetName = 'marketing', 'transactional'; DatabaseName = 'mail'; TableName = 'events_v1'; WorkGroupName = 'mail'
            BytesScannedCutoffPerQuery = 10000000000; Tag = @{ team = 'mail'; env = 'prod' }
        }
    }
    foreach ($entry in $options.GetEnumerator()) {
        foreach ($format in 'Yaml', 'Json') {
            @{ Name = $entry.Key; Format = $format; Options = $entry.Value; File = ('{0}.{1}' -f ($entry.Key -replace '\W+', '-'), $format.ToLowerInvariant()) }
        }
    }
}

# Runs jq on one JSON file as Firehose's MetadataExtraction processor runs it on one record: its output (one line of
# compact JSON, or nothing), what it wrote to stderr, and its exit code.
function Invoke-Jq {
    param([Parameter(Mandatory)] [string] $Query, [Parameter(Mandatory)] [string] $LiteralPath)
    $errorFile = [IO.Path]::GetTempFileName()
    try {
        $output = & jq -c $Query $LiteralPath 2>$errorFile
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output   = @($output) -join "`n"
            Error    = (Get-Content -Raw -LiteralPath $errorFile) -as [string]
        }
    }
    finally { Remove-Item -LiteralPath $errorFile -ErrorAction SilentlyContinue }
}

# The partition key text Firehose makes of a jq value: a string as it is, a number or a boolean as its JSON text;
# $null for what Firehose refuses (null, an array, an object).
function ConvertTo-PartitionKeyText {
    param([AllowNull()] $Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [bool] -or $Value -is [long] -or $Value -is [int] -or $Value -is [double] -or $Value -is [decimal] -or $Value -is [bigint]) {
        return ($Value | ConvertTo-Json -Compress)
    }
    $null
}

# The folder name of a partition key back to the key: %XX are UTF-8 bytes, and the lone '%' is the empty key.
function ConvertFrom-PartitionFolderName {
    param([Parameter(Mandatory)] [string] $Name)
    if ($Name -eq '%') { return '' }
    [Uri]::UnescapeDataString($Name)
}

# The lines of one GZIP JSON-lines object.
function Read-GzipLines {
    param([Parameter(Mandatory)] [string] $LiteralPath)
    $file = [IO.File]::OpenRead($LiteralPath)
    try {
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionMode]::Decompress)
        $reader = [IO.StreamReader]::new($gzip, [Text.Encoding]::UTF8)
        $text = $reader.ReadToEnd()
        $reader.Dispose()
    }
    finally { $file.Dispose() }
    [pscustomobject]@{ Text = $text; Lines = @($text -split "`n" | Where-Object { $_ }) }
}

# Every object in a store, as Firehose's prefixes name it: partitioned/<identity>/<EventType>/yyyy/MM/dd/<name>.gz
# (Identity and EventType decoded, Day as yyyy-MM-dd) or errors/<error-type>/yyyy/MM/dd/<name>.gz; with its lines.
function Get-StoreObject {
    param([Parameter(Mandatory)] [string] $Store)
    if (-not (Test-Path -LiteralPath $Store)) { return }
    $root = (Resolve-Path -LiteralPath $Store).ProviderPath
    foreach ($file in Get-ChildItem -LiteralPath $root -Recurse -File | Sort-Object FullName) {
        $parts = [IO.Path]::GetRelativePath($root, $file.FullName) -split '[\\/]'
        $content = Read-GzipLines -LiteralPath $file.FullName
        $object = [ordered]@{ Root = $parts[0]; Name = $file.Name; Path = $file.FullName; Length = $file.Length; Text = $content.Text; Lines = $content.Lines }
        if ($parts[0] -eq 'partitioned' -and $parts.Count -eq 7) {
            $object.Identity = ConvertFrom-PartitionFolderName $parts[1]
            $object.EventType = ConvertFrom-PartitionFolderName $parts[2]
            $object.Day = $parts[3..5] -join '-'
        }
        elseif ($parts[0] -eq 'errors' -and $parts.Count -eq 6) {
            $object.ErrorType = $parts[1]
            $object.Day = $parts[2..4] -join '-'
        }
        [pscustomobject]$object
    }
}

# Runs a script in a new runspace of this process with the module imported, the way a host runs a pipeline: returns
# its output and streams (progress included, which no redirection captures). With -StopWhen, the pipeline is stopped
# (Ctrl+C) as soon as that condition holds, and StopTook says how long stopping took.
function Invoke-HostedPipeline {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [scriptblock] $StopWhen,
        [int] $TimeoutSeconds = 120
    )
    $manifest = Get-ModuleManifestPath
    $powershell = [powershell]::Create()
    try {
        $null = $powershell.AddScript("Import-Module '$manifest' -ErrorAction Stop`n$Script")
        $output = [Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $powershell.BeginInvoke([Management.Automation.PSDataCollection[psobject]]$null, $output)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        $stopTook = $null
        $stoppedEarly = $false
        while (-not $handle.IsCompleted) {
            if ($StopWhen -and (& $StopWhen)) {
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $powershell.Stop()
                $stopTook = $watch.Elapsed
                $stoppedEarly = $true
                break
            }
            if ([DateTime]::UtcNow -gt $deadline) { $powershell.Stop(); throw "The hosted pipeline did not finish within $TimeoutSeconds s." }
            Start-Sleep -Milliseconds 20
        }
        $terminating = $null
        try { $null = $powershell.EndInvoke($handle) }
        catch { $terminating = $_.Exception -is [Management.Automation.MethodInvocationException] ? $_.Exception.InnerException : $_.Exception }
        [pscustomobject]@{
            Output       = @($output)
            Errors       = @($powershell.Streams.Error)
            Progress     = @($powershell.Streams.Progress)
            Verbose      = @($powershell.Streams.Verbose)
            Warnings     = @($powershell.Streams.Warning)
            Terminating  = $terminating
            StoppedEarly = $stoppedEarly
            StopTook     = $stopTook
        }
    }
    finally { $powershell.Dispose() }
}

Export-ModuleMember -Function *
