# Helpers of ReImport.Tests.ps1, Wildcards.Tests.ps1 and OfflineDetails.Tests.ps1 (issue #11, items 8 and 11): a fresh
# pwsh whose confirmation prompts are answered from its standard input, as a user at the keyboard answers them, and the
# streams of a command captured apart.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# Runs a script in a fresh pwsh (not -NonInteractive) that reads each -Answer line from its standard input when a
# prompt asks; the script's last output line that starts with 'RESULT:' is returned parsed from JSON as Result, with
# everything the process wrote as Output.
function Invoke-AnsweredPwsh {
    param([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [string[]] $Answer)
    $file = Join-Path ([IO.Path]::GetTempPath()) "sesanalytics-answered-$([guid]::NewGuid().ToString('N')).ps1"
    $manifest = Get-ModuleManifestPath
    Set-Content -LiteralPath $file -Value "Import-Module '$manifest' -ErrorAction Stop`n$Script"
    try {
        $output = @($Answer | & (Get-PwshPath) -NoProfile -File $file 2>&1 | ForEach-Object { "$_" })
        $line = $output | Where-Object { $_ -like 'RESULT:*' } | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output   = $output -join "`n"
            Result   = $line ? ($line.Substring('RESULT:'.Length) | ConvertFrom-Json) : $null
        }
    }
    finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
}

# Runs a script block and sorts what it wrote into Output, Errors (a terminating error last), Warnings and Verbose.
function Invoke-Captured {
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $all = [Collections.Generic.List[object]]::new()
    try { & $ScriptBlock 2>&1 3>&1 4>&1 | ForEach-Object { $all.Add($_) } }
    catch { $all.Add($_) }
    [pscustomobject]@{
        Output   = @($all | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] -and $_ -isnot [Management.Automation.WarningRecord] -and $_ -isnot [Management.Automation.VerboseRecord] })
        Errors   = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        Warnings = @($all | Where-Object { $_ -is [Management.Automation.WarningRecord] } | ForEach-Object Message)
        Verbose  = @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message)
    }
}

# The lines of a table as PowerShell prints it at a width, without the blank ones.
function Get-TableLine {
    param([Parameter(Mandatory)] [object[]] $InputObject, [int] $Width = 80)
    @(($InputObject | Format-Table | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
}

Export-ModuleMember -Function *
