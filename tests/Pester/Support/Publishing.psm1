# Helpers of Package.Tests.ps1 and Workflow.Tests.ps1: what PSResourceGet offers here, the platform a native library
# inside the .nupkg was built for (read from its header), and the CI workflow parsed from YAML.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# Why the package cannot be built and installed here; $null when it can. Compress-PSResource came with PSResourceGet 1.1.
function Get-PSResourceGetSkipReason {
    $needed = 'Compress-PSResource', 'Register-PSResourceRepository', 'Install-PSResource', 'Save-PSResource'
    $missing = @($needed | Where-Object { -not (Get-Command $_ -ErrorAction SilentlyContinue) })
    if (-not $missing) { return $null }
    "PSResourceGet 1.1 or later (Microsoft.PowerShell.PSResourceGet, in PowerShell 7.5+) is not available here: $($missing -join ', ') missing"
}

# The RIDs a native library was built for, from its first bytes: ELF (Linux), PE (Windows) or Mach-O, thin or
# universal (macOS).
function Get-NativeLibraryRid {
    param([Parameter(Mandatory)] [byte[]] $Header)
    $bigEndian = { param([int] $at) [uint32](([uint64]$Header[$at] -shl 24) + ([uint64]$Header[$at + 1] -shl 16) + ([uint64]$Header[$at + 2] -shl 8) + $Header[$at + 3]) }
    $macArchitecture = @{ [uint32]0x01000007 = 'osx-x64'; [uint32]0x0100000C = 'osx-arm64' }
    if ($Header[0] -eq 0x7F -and [Text.Encoding]::ASCII.GetString($Header, 1, 3) -eq 'ELF') {
        switch ([BitConverter]::ToUInt16($Header, 18)) { 0x3E { 'linux-x64' } 0xB7 { 'linux-arm64' } default { "linux-machine-$_" } }
    }
    elseif ([Text.Encoding]::ASCII.GetString($Header, 0, 2) -eq 'MZ') {
        $pe = [BitConverter]::ToInt32($Header, 0x3C)
        switch ([BitConverter]::ToUInt16($Header, $pe + 4)) { 0x8664 { 'win-x64' } 0xAA64 { 'win-arm64' } 0x14C { 'win-x86' } default { "win-machine-$_" } }
    }
    elseif ((& $bigEndian 0) -eq 0xCAFEBABEu) {
        foreach ($index in 0..((& $bigEndian 4) - 1)) { $macArchitecture[(& $bigEndian (8 + 20 * $index))] ?? 'osx-unknown' }
    }
    elseif ([BitConverter]::ToUInt32($Header, 0) -eq 0xFEEDFACFu) {
        $macArchitecture[[BitConverter]::ToUInt32($Header, 4)] ?? 'osx-unknown'
    }
    else { 'unknown' }
}

# Every file of a .nupkg: its path inside the package, its size and, for a native library, the RIDs it was built for.
function Get-PackageContent {
    param([Parameter(Mandatory)] [string] $LiteralPath)
    $zip = [IO.Compression.ZipFile]::OpenRead($LiteralPath)
    try {
        foreach ($entry in $zip.Entries) {
            $rids = @()
            if ($entry.FullName -match '/native/') {
                $header = [byte[]]::new(4096)
                $stream = $entry.Open()
                try { [void]$stream.ReadAtLeast($header, $header.Length, $false) } finally { $stream.Dispose() }
                $rids = @(Get-NativeLibraryRid -Header $header)
            }
            [pscustomobject]@{ Path = [Uri]::UnescapeDataString($entry.FullName); Length = $entry.Length; Rid = $rids }
        }
    }
    finally { $zip.Dispose() }
}

function Get-WorkflowPath { Join-Path (Get-RepoRoot) '.github/workflows/ci.yml' }

# Why the workflow's YAML cannot be parsed here; $null when it can (YamlDotNet of the built module, or PyYAML).
function Get-YamlParserSkipReason {
    if (Get-YamlDotNetPath) { return $null }
    if (Test-PyYaml) { return $null }
    'neither YamlDotNet (the built module''s Dependencies folder: run ./build.ps1) nor PyYAML (python3 -c "import yaml") is available'
}

function Get-YamlDotNetPath {
    $manifest = Join-Path (Get-RepoRoot) "out/SesAnalytics/$((Import-PowerShellDataFile (Join-Path (Get-RepoRoot) 'module/SesAnalytics.psd1')).ModuleVersion)/SesAnalytics.psd1"
    $path = Join-Path (Split-Path $manifest) 'Dependencies/YamlDotNet.dll'
    if (Test-Path -LiteralPath $path) { $path }
}

function Test-PyYaml {
    $python = Get-Command python3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $python) { return $false }
    & $python.Source -c 'import yaml' 2>$null
    $LASTEXITCODE -eq 0
}

# The workflow as nested hashtables and arrays, through JSON so both parsers give the same shapes. YamlDotNet runs in a
# collectible load context of its own, so the module's copy (in its private context) never meets it. PyYAML reads the
# YAML 1.1 key `on` as the boolean true; GitHub reads it as the string, so it is renamed back.
function Read-Workflow {
    param([Parameter(Mandatory)] [string] $LiteralPath)
    $text = Get-Content -Raw -LiteralPath $LiteralPath
    $yamlDotNet = Get-YamlDotNetPath
    if ($yamlDotNet) {
        $context = [Runtime.Loader.AssemblyLoadContext]::new('WorkflowYaml', $true)
        try {
            $assembly = $context.LoadFromAssemblyPath($yamlDotNet)
            $deserializer = [Activator]::CreateInstance($assembly.GetType('YamlDotNet.Serialization.Deserializer', $true))
            $serializer = $assembly.GetType('YamlDotNet.Serialization.SerializerBuilder', $true)
            $json = [Activator]::CreateInstance($serializer).JsonCompatible().Build().Serialize($deserializer.Deserialize($text))
        }
        finally { $context.Unload() }
    }
    else {
        $json = $text | python3 -c 'import json, sys, yaml; d = yaml.safe_load(sys.stdin); d = {("on" if k is True else k): v for k, v in d.items()}; print(json.dumps(d))'
        if ($LASTEXITCODE) { throw "PyYAML could not parse $LiteralPath." }
    }
    $json | ConvertFrom-Json -AsHashtable -Depth 64
}

# The README's test command: the line of its quick start that runs every test.
function Get-ReadmeTestCommand {
    $lines = Get-Content -LiteralPath (Join-Path (Get-RepoRoot) 'README.md')
    $command = @($lines | Where-Object { $_ -match '^dotnet tool restore && .*build\.ps1 -Task Test\s*$' })
    if ($command.Count -ne 1) { throw "README.md should have one test command line; found $($command.Count)." }
    $command[0].Trim()
}

Export-ModuleMember -Function Get-PSResourceGetSkipReason, Get-NativeLibraryRid, Get-PackageContent, Get-WorkflowPath,
    Get-YamlParserSkipReason, Read-Workflow, Get-ReadmeTestCommand
