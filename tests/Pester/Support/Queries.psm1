# What the offline query tests (Get-SesBounce, Get-SesEvent, Get-SesEventSummary with -Path, their format views and
# tab completion) share beyond TestSupport.psm1: AWS's example records written into a store, a big object, a command
# run in a runspace of its own (to watch its streams or stop it as Ctrl+C does), and waiting for a condition.

Set-StrictMode -Version Latest

# The ten SES event types as the module names them, which are also the fixture files' names (RenderingFailure, no space).
$script:EventTypes = @('Send', 'Reject', 'Bounce', 'Complaint', 'Delivery', 'Open', 'Click', 'RenderingFailure', 'DeliveryDelay', 'Subscription')

function Get-SesEventTypeName { $script:EventTypes }

# One JSON text as the single line SES writes (the fixtures are pretty-printed); values are kept exactly as written.
function ConvertTo-JsonLine {
    param([Parameter(Mandatory, ValueFromPipeline)] [string] $Json)
    process { [Text.Json.Nodes.JsonNode]::Parse($Json).ToJsonString() }
}

# Writes AWS's example record of each event type (../shared/fixtures/ses-events) into a store under one identity, each
# in the day folder of its own mail.timestamp (where Firehose would have put it on that day). Returns, per record, its
# EventType (the module's name), WireName (as SES writes it), Day ('yyyy-MM-dd'), Record (the parsed record) and Path.
function Add-FixtureStore {
    param([Parameter(Mandatory)] [string] $Store, [string] $Identity = 'example.com')
    foreach ($file in Get-FixtureEventFile) {
        $line = ConvertTo-JsonLine (Get-Content -Raw -LiteralPath $file.FullName)
        $record = ConvertFrom-Json $line -DateKind String
        $day = [datetime]::ParseExact($record.mail.timestamp.Substring(0, 10), 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        $path = Add-StoreObject -Store $Store -Identity $Identity -EventType $record.eventType -Day $day -Line $line
        [pscustomobject]@{
            EventType = $file.BaseName; WireName = $record.eventType; Day = $day.ToString('yyyy-MM-dd'); Record = $record; Path = $path
        }
    }
}

# One object of $Count copies of a line, written in blocks: a big object (a long query) without a big string.
function Add-RepeatedStoreObject {
    param(
        [Parameter(Mandatory)] [string] $Store,
        [Parameter(Mandatory)] [string] $Identity,
        [Parameter(Mandatory)] [string] $EventType,
        [Parameter(Mandatory)] [datetime] $Day,
        [Parameter(Mandatory)] [string] $Line,
        [Parameter(Mandatory)] [int] $Count
    )
    $path = Add-StoreObject -Store $Store -Identity $Identity -EventType $EventType -Day $Day -Line @()
    $blockLines = 10000
    $block = [Text.Encoding]::UTF8.GetBytes(("$Line`n") * $blockLines)
    $file = [IO.File]::Create($path)
    try {
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
        for ($written = 0; $written -lt $Count; $written += $blockLines) { $gzip.Write($block, 0, $block.Length) }
        $gzip.Dispose()
    }
    finally { $file.Dispose() }
    $path
}

# Starts a script in a runspace of its own with the module imported, as a second pwsh session would. Returns Shell (the
# [powershell]: .Streams holds what the script wrote besides output; .Stop() is what Ctrl+C does), Handle (of the
# invocation) and Output (filled while the script runs, object by object).
function Start-ModuleScript {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Variable = @{})
    # One script, not statements added to the [powershell]: stopping a batch of statements can crash the process.
    $wrapped = @"
param([string] `$ModuleManifest, [hashtable] `$ScriptVariable)
Import-Module `$ModuleManifest -ErrorAction Stop
foreach (`$name in `$ScriptVariable.Keys) { Set-Variable -Name `$name -Value `$ScriptVariable[`$name] }
$Script
"@
    $shell = [powershell]::Create().AddScript($wrapped).AddArgument((Get-ModuleManifestPath)).AddArgument($Variable)
    $output = [Management.Automation.PSDataCollection[psobject]]::new()
    $handle = $shell.BeginInvoke([Management.Automation.PSDataCollection[psobject]] $null, $output)
    [pscustomobject]@{ Shell = $shell; Handle = $handle; Output = $output }
}

# Runs $Script as Start-ModuleScript does until it writes its first object, then stops it. Returns that object (First)
# and whether the script was still running when it arrived (StillRunning): with a slow last partition, streaming.
function Get-FirstStreamedObject {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Variable = @{})
    $run = Start-ModuleScript -Script $Script -Variable $Variable
    try {
        Wait-Condition { $run.Output.Count -gt 0 -or $run.Handle.IsCompleted } -Because "the first object of: $Script"
        [pscustomobject]@{ First = $run.Output[0]; StillRunning = -not $run.Handle.IsCompleted }
    }
    finally {
        $run.Shell.Stop()
        $run.Shell.Dispose()
    }
}

# Waits until $Condition is true, polling, up to a generous deadline; throws with $Because when it never is.
function Wait-Condition {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $Because, [int] $TimeoutSeconds = 120)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Waited $TimeoutSeconds s for: $Because" }
        Start-Sleep -Milliseconds 20
    }
}

# Asserts a query command's error: its whole id (-Id, then the command's class), category and target object, and,
# when given, its message; and that printing it shows no stack trace of the module.
function Assert-QueryError {
    param(
        [Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $ErrorRecord,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [string] $Command,
        [Parameter(Mandatory)] [System.Management.Automation.ErrorCategory] $Category,
        [Parameter(Mandatory)] $Target,
        [string] $MessageLike
    )
    $ErrorRecord.FullyQualifiedErrorId | Should -Be "$Id,SesAnalytics.Cmdlets.Commands.$($Command -replace '-', '')Command"
    $ErrorRecord.CategoryInfo.Category | Should -Be $Category
    $ErrorRecord.TargetObject | Should -Be $Target
    if ($MessageLike) { $ErrorRecord.Exception.Message | Should -BeLike $MessageLike }
    ($ErrorRecord | Out-String) | Should -Not -Match ' at SesAnalytics\.'
}

# A new store with nothing in it (its partitioned folder only); remove it with Remove-TestFolder.
function New-EmptyStore {
    param([Parameter(Mandatory)] [string] $Name)
    $path = New-TestFolder $Name
    New-Item -ItemType Directory -Path (Join-Path $path 'partitioned') | Out-Null
    $path
}

Export-ModuleMember -Function *
