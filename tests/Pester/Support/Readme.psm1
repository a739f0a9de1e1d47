# The README as a user follows it: its code blocks, their statements one by one, and a session of its own (a runspace
# with the module imported, a location and $PSDefaultParameterValues) that keeps variables from one statement to the
# next, as a console does.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

function Get-ReadmePath { Join-Path (Get-RepoRoot) 'README.md' }

# The fenced code blocks of a markdown file in one language: the line of the opening fence, and the code.
function Get-MarkdownCodeBlock {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Language)
    $lines = @(Get-Content -LiteralPath $Path)
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -notmatch "^``````$([regex]::Escape($Language))\s*$") { continue }
        $start = $i
        $code = [Collections.Generic.List[string]]::new()
        for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $code.Add($lines[$i]) }
        [pscustomobject]@{ Line = $start + 1; Code = $code -join "`n" }
    }
}

# The top-level statements of PowerShell code, each with its first line (for a test's name) and whether it is meant to
# print something: an assignment or an Import-Module prints nothing.
function Get-CodeStatement {
    param([Parameter(Mandatory)] [string] $Code)
    $errors = $null
    $ast = [Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$errors)
    if ($errors) { throw "The code does not parse: $($errors[0].Message)`n$Code" }
    foreach ($statement in $ast.EndBlock.Statements) {
        $first = $statement.Extent.Text -split "`n" | Select-Object -First 1
        $silent = $statement -is [Management.Automation.Language.AssignmentStatementAst] -or
            $statement.Extent.Text -match '^Import-Module\b'
        [pscustomobject]@{ Code = $statement.Extent.Text; Title = $first.TrimEnd(' ', '`'); Prints = -not $silent }
    }
}

# Every command line a text shows in its code spans and code blocks (PowerShell that parses), as CommandAst.
function Get-ShownCommand {
    param([Parameter(Mandatory)] [string] $Path)
    $text = Get-Content -Raw -LiteralPath $Path
    $fences = [regex]::Matches($text, '(?ms)^```[a-z]*\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
    $spans = [regex]::Matches(($text -replace '(?ms)^```.*?^```', ''), '`([^`\n]+)`') | ForEach-Object { $_.Groups[1].Value }
    foreach ($code in @($fences) + @($spans)) {
        $errors = $null
        $ast = [Management.Automation.Language.Parser]::ParseInput($code, [ref]$null, [ref]$errors)
        if ($errors) { continue }
        $ast.FindAll({ param($node) $node -is [Management.Automation.Language.CommandAst] }, $true)
    }
}

# A console of its own: a runspace with the module imported (unless -NoImport), at -Location, with -Defaults as its
# $PSDefaultParameterValues. Dispose it after use.
function New-ReadmeSession {
    param([Parameter(Mandatory)] [string] $Location, [hashtable] $Defaults = @{}, [switch] $NoImport)
    $shell = [powershell]::Create()
    $setup = "Set-Location -LiteralPath '$($Location -replace "'", "''")'"
    if (-not $NoImport) { $setup = "Import-Module '$((Get-ModuleManifestPath) -replace "'", "''")' -ErrorAction Stop`n$setup" }
    $null = $shell.AddScript($setup).Invoke()
    if ($shell.HadErrors) { throw "The README session did not start: $($shell.Streams.Error | Out-String)" }
    $shell.Runspace.SessionStateProxy.SetVariable('PSDefaultParameterValues', [System.Management.Automation.DefaultParameterDictionary]::new($Defaults))
    $shell
}

# Runs one statement in the session as typed at its prompt; returns what it wrote (Output) and its errors, a
# terminating one included.
function Invoke-ReadmeStatement {
    param([Parameter(Mandatory)] [powershell] $Session, [Parameter(Mandatory)] [string] $Code)
    $Session.Commands.Clear()
    $Session.Streams.ClearStreams()
    $output = @()
    $errors = [Collections.Generic.List[object]]::new()
    try { $output = @($Session.AddScript($Code).Invoke()) }
    catch { $errors.Add($_) }
    foreach ($record in $Session.Streams.Error) { $errors.Add($record) }
    [pscustomobject]@{ Output = $output; Errors = @($errors) }
}

Export-ModuleMember -Function *
