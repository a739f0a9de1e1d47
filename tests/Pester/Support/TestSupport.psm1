# What every Pester file of the module's acceptance suite shares: where the built module, the fixtures and ../shared
# are, fixture stores, help examples as Get-Help shows them, a fresh pwsh, and moto_server on 127.0.0.1.
# Each test file starts with:
#   BeforeDiscovery { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force }   # when discovery needs it
#   BeforeAll { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force; Import-SesAnalyticsModule }

Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$script:SharedRoot = [IO.Path]::GetFullPath((Join-Path $script:RepoRoot '../shared'))

function Get-RepoRoot { $script:RepoRoot }

function Get-SharedRoot { $script:SharedRoot }

# Why a test that needs ../shared cannot run here; $null when it can.
function Get-SharedSkipReason {
    if (Test-Path -LiteralPath (Join-Path $script:SharedRoot 'fixtures/ses-events')) { return $null }
    "../shared (AWS's example records and reference data) is not beside the repository at $script:SharedRoot"
}

function Get-ModuleManifestPath {
    $version = (Import-PowerShellDataFile (Join-Path $script:RepoRoot 'module/SesAnalytics.psd1')).ModuleVersion
    $manifest = Join-Path $script:RepoRoot "out/SesAnalytics/$version/SesAnalytics.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built: $manifest is missing (./build.ps1)." }
    $manifest
}

# Imports the staged module into the caller's session (global scope, as a user's Import-Module does).
function Import-SesAnalyticsModule {
    Import-Module (Get-ModuleManifestPath) -Global -Force -ErrorAction Stop
}

# A new empty folder under the temporary folder; removed by Remove-TestFolder or with the machine's temp.
function New-TestFolder {
    param([string] $Name = 'sesanalytics-pester')
    $path = Join-Path ([IO.Path]::GetTempPath()) "$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $path | Select-Object -ExpandProperty FullName
}

function Remove-TestFolder {
    param([string[]] $Path)
    foreach ($p in $Path) {
        if ($p -and (Test-Path -LiteralPath $p)) { Remove-Item -LiteralPath $p -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

# AWS's documented example record of each event type (../shared/fixtures/ses-events), as JSON text, by file name.
function Get-FixtureEventFile {
    Get-ChildItem -LiteralPath (Join-Path $script:SharedRoot 'fixtures/ses-events') -Filter *.json | Sort-Object Name
}

# The examples of a command's help, as Get-Help shows them (so the help a user reads is what runs), without prompts.
function Get-HelpExampleCode {
    param([Parameter(Mandatory)] [string] $Command)
    foreach ($example in @((Get-Help $Command -Full).examples.example)) {
        $code = ($example.code -split "`r?`n" | ForEach-Object { $_ -replace '^PS> ', '' }) -join "`n"
        [pscustomobject]@{ Command = $Command; Title = ($example.title -replace '^-+\s*|\s*-+$', ''); Code = $code }
    }
}

# The path of the pwsh that runs this session (the dotnet tool's apphost, or an installed pwsh).
function Get-PwshPath {
    Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
}

# Runs a script in a fresh pwsh process; returns its exit code and everything it wrote to stdout and stderr.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @(), [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) "sesanalytics-pester-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -LiteralPath $file -Value $Script
    $saved = @{}
    try {
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -File $file @Arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | ForEach-Object { "$_" }) -join "`n" }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

# What a .NET assembly image is: its module version id (the same for an assembly and the ReadyToRun image compiled from
# it), whether it carries ReadyToRun code, and for which platform (the PE machine field, which ReadyToRun images for
# Linux and macOS mark by OS); from a stream that is read, not kept.
function Get-AssemblyImageInfo {
    param([Parameter(Mandatory)] [IO.Stream] $Stream)
    $copy = [IO.MemoryStream]::new()
    $Stream.CopyTo($copy)
    $copy.Position = 0
    $pe = [Reflection.PortableExecutable.PEReader]::new($copy)
    try {
        $metadata = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        $machine = [int]$pe.PEHeaders.CoffHeader.Machine
        $platforms = @{ 0x8664 = 'win-x64'; 0xAA64 = 'win-arm64'; 0xFD1D = 'linux-x64'; 0xD11D = 'linux-arm64'; 0xC020 = 'osx-x64'; 0xEC20 = 'osx-arm64' }
        [pscustomobject]@{
            Mvid         = $metadata.GetGuid($metadata.GetModuleDefinition().Mvid)
            ReadyToRun   = $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0
            Platform     = $platforms[$machine]
        }
    }
    finally { $pe.Dispose() }
}

function Get-AssemblyImageInfoOfFile {
    param([Parameter(Mandatory)] [string] $LiteralPath)
    $stream = [IO.File]::OpenRead($LiteralPath)
    try { Get-AssemblyImageInfo -Stream $stream } finally { $stream.Dispose() }
}

function Get-FreeTcpPort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# Why a test that needs moto cannot run here; $null when it can.
function Get-MotoSkipReason {
    if (Get-Command moto_server -ErrorAction SilentlyContinue) { return $null }
    'moto_server (moto 5.2.1, the AWS emulator) is not installed on this machine; CI always has it'
}

# A moto_server on 127.0.0.1 that answers: its Endpoint, Process and the AWS parameters (as a hashtable to splat) that
# point a command at it with dummy credentials. Under Invoke-PesterSuite.ps1 every file gets the suite's one server,
# reset to empty (starting one takes seconds); a file run on its own starts its own.
function Start-MotoServer {
    $suite = Get-Variable -Name SesAnalyticsSuiteMoto -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if (-not $suite) { return New-MotoServer }
    if ($suite.Server -and -not $suite.Server.Process.HasExited) { Reset-MotoServer $suite.Server }
    else { $suite.Server = New-MotoServer }
    # A copy per file, so that what one file changes in its AWS parameters never reaches the next.
    [pscustomobject]@{
        Endpoint      = $suite.Server.Endpoint
        Process       = $suite.Server.Process
        AwsParameters = $suite.Server.AwsParameters.Clone()
        Shared        = $true
    }
}

function New-MotoServer {
    $port = Get-FreeTcpPort
    $log = Join-Path ([IO.Path]::GetTempPath()) "moto-$port.log"
    $process = Start-Process -FilePath (Get-Command moto_server).Source -ArgumentList @('-H', '127.0.0.1', '-p', $port) `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err" -PassThru
    $endpoint = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try {
            Invoke-RestMethod -Uri "$endpoint/moto-api/reset" -Method Post -TimeoutSec 5 | Out-Null
            break
        }
        catch {
            if ($process.HasExited) { throw "moto_server exited: $(Get-Content -Raw "$log.err" -ErrorAction SilentlyContinue)" }
            if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "moto_server did not answer on $endpoint within 60 s." }
            Start-Sleep -Milliseconds 200
        }
    }
    [pscustomobject]@{
        Endpoint      = $endpoint
        Process       = $process
        AwsParameters = @{
            EndpointUrl = $endpoint; Region = 'us-east-1'
            AccessKey = 'AKIAMOTOTESTKEY00001'; SecretKey = 'motoTestSecretKeyNeverShownAnywhere0001'
        }
        Shared        = $false
    }
}

# Stops a file's own moto_server; the suite's outlives the file, and Invoke-PesterSuite.ps1 stops it at the end.
function Stop-MotoServer {
    param($Moto)
    if ($Moto -and -not $Moto.Shared -and -not $Moto.Process.HasExited) { $Moto.Process.Kill(); $Moto.Process.WaitForExit() }
}

# Forgets everything moto holds, between tests that must not see each other's resources.
function Reset-MotoServer {
    param([Parameter(Mandatory)] $Moto)
    Invoke-RestMethod -Uri "$($Moto.Endpoint)/moto-api/reset" -Method Post | Out-Null
}

# Writes one GZIP JSON-lines object into a store, where Firehose would put it:
# <store>/partitioned/<identity>/<EventType>/yyyy/MM/dd/<name>.gz. Returns the object's path.
function Add-StoreObject {
    param(
        [Parameter(Mandatory)] [string] $Store,
        [Parameter(Mandatory)] [string] $Identity,
        [Parameter(Mandatory)] [string] $EventType,
        [Parameter(Mandatory)] [datetime] $Day,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [string[]] $Line,
        [string] $Name = "events-$([guid]::NewGuid().ToString('N').Substring(0, 12)).gz"
    )
    $folder = Join-Path $Store 'partitioned' $Identity $EventType $Day.ToString('yyyy') $Day.ToString('MM') $Day.ToString('dd')
    New-Item -ItemType Directory -Force -Path $folder | Out-Null
    Write-GzipLine (Join-Path $folder $Name) $Line
}

# Writes lines as one GZIP object (each line ended by a line feed, UTF-8) at -Path, as Firehose does; returns the path.
function Write-GzipLine {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [AllowEmptyCollection()] [string[]] $Line)
    $file = [IO.File]::Create($Path)
    try {
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
        $bytes = [Text.Encoding]::UTF8.GetBytes((($Line | ForEach-Object { "$_`n" }) -join ''))
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
    }
    finally { $file.Dispose() }
    $Path
}

# One SES event record (JSON text) of a sending identity to one recipient, shaped as SES writes it. -Detail becomes the
# event type's own object (bounce, complaint, ...); Bounce and Complaint get a realistic one when none is given.
function New-SesTestRecord {
    param(
        [Parameter(Mandatory)] [string] $EventType,
        [Parameter(Mandatory)] [string] $Identity,
        [Parameter(Mandatory)] [string] $Recipient,
        [string] $BounceType = 'Permanent',
        [datetime] $Timestamp = [datetime]::new(2024, 3, 8, 17, 14, 29, [DateTimeKind]::Utc),
        [hashtable] $Tags = @{},
        [System.Collections.IDictionary] $Detail
    )
    $stamp = $Timestamp.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
    $allTags = [ordered]@{ 'ses:sender-identity' = @($Identity); 'ses:configuration-set' = @('default-1') }
    foreach ($key in $Tags.Keys) { $allTags[$key] = @($Tags[$key]) }
    $record = [ordered]@{
        eventType = $EventType
        mail      = [ordered]@{
            timestamp = $stamp; source = "sender@$Identity"; sendingAccountId = '000000000000'
            messageId = "message-$Recipient"; destination = @($Recipient)
            commonHeaders = @{ subject = 'test' }; tags = $allTags
        }
    }
    if (-not $Detail) {
        $Detail = switch ($EventType) {
            'Bounce' {
                [ordered]@{
                    bounceType = $BounceType; bounceSubType = 'General'; timestamp = $stamp; feedbackId = "feedback-$Recipient"
                    reportingMTA = 'dns; mta.example.com'
                    bouncedRecipients = @([ordered]@{ emailAddress = $Recipient; action = 'failed'; status = '5.1.1'; diagnosticCode = 'smtp; 550 5.1.1 user unknown' })
                }
            }
            'Complaint' { [ordered]@{ timestamp = $stamp; feedbackId = "feedback-$Recipient"; complainedRecipients = @(@{ emailAddress = $Recipient }) } }
            'Delivery' { [ordered]@{ timestamp = $stamp; processingTimeMillis = 500; recipients = @($Recipient); smtpResponse = '250 ok'; reportingMTA = 'mta.example.com' } }
            default { $null }
        }
    }
    if ($Detail) { $record[$EventType.Substring(0, 1).ToLowerInvariant() + $EventType.Substring(1)] = $Detail }
    $record | ConvertTo-Json -Depth 10 -Compress
}

# Loads the project's AWS fakes (tests/SesAnalytics.Fakes, loopback servers on 127.0.0.1) into this session:
# $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new(). The build compiles them with the solution.
function Import-TestFakes {
    $dll = Get-ChildItem -Path (Join-Path $script:RepoRoot 'tests/SesAnalytics.Fakes/bin/*/net10.0/SesAnalytics.Fakes.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'tests/SesAnalytics.Fakes is not built: run ./build.ps1.' }
    Add-Type -Path $dll.FullName
}

# The AWS parameters (to splat) that point a command at a fake: its endpoint, dummy credentials and us-east-1.
function Get-FakeAwsParameters {
    param([Parameter(Mandatory)] $Fake)
    @{
        EndpointUrl = $Fake.EndpointUrl
        AccessKey   = [SesAnalytics.Fakes.LoopbackServer]::AccessKey
        SecretKey   = [SesAnalytics.Fakes.LoopbackServer]::SecretKey
        Region      = [SesAnalytics.Fakes.LoopbackServer]::Region
    }
}

# The help examples of a command as -ForEach test cases (Title, Code), found at discovery; throws when fewer than
# -Minimum are found, so that a help file that lost its examples fails instead of running nothing.
function Get-HelpExampleTestCase {
    param([Parameter(Mandatory)] [string] $Command, [int] $Minimum = 1)
    $examples = @(Get-HelpExampleCode $Command | ForEach-Object { @{ Title = $_.Title; Code = $_.Code } })
    if ($examples.Count -lt $Minimum) { throw "Discovery found only $($examples.Count) help examples of $Command." }
    $examples
}

# Objects as a console shows them: Format-Table (or Format-List with -View List) laid out by Out-String at -Width
# columns, as one text.
function Get-ViewText {
    param([Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $InputObject, [int] $Width = 80, [ValidateSet('Table', 'List')] [string] $View = 'Table')
    if ($View -eq 'Table') { $InputObject | Format-Table | Out-String -Width $Width } else { $InputObject | Format-List | Out-String -Width $Width }
}

# Asserts that each of -Match matches the objects' view (Get-ViewText); -PassThru returns the text for more assertions.
function Assert-ViewText {
    param(
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $InputObject,
        [int] $Width = 80,
        [ValidateSet('Table', 'List')] [string] $View = 'Table',
        [Parameter(Mandatory)] [string[]] $Match,
        [switch] $PassThru
    )
    $text = Get-ViewText $InputObject -Width $Width -View $View
    foreach ($pattern in $Match) { $text | Should -Match $pattern }
    if ($PassThru) { $text }
}

# What the BeforeAll of a test file that drives the module against the fakes does first: imports the built module and
# the fakes, and with -PlainText renders output without colour codes (what the tests match). Returns the fakes' secret
# key, which nothing a command shows may hold.
function Initialize-FakeAwsTest {
    param([switch] $PlainText)
    Import-SesAnalyticsModule
    Import-TestFakes
    if ($PlainText) { $PSStyle.OutputRendering = 'PlainText' }
    [SesAnalytics.Fakes.LoopbackServer]::SecretKey
}

Export-ModuleMember -Function *
