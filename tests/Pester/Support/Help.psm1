# Help as a user reads it: Get-Help rendered at a console width in a given culture, the words of a rendering, and the
# prose words of a command's platyPS markdown (what the help must show, without its markup).

Set-StrictMode -Version Latest

# Get-Help text (-Full by default) as Out-String lays it out at -Width columns in -Culture. Culture matters: Get-Help
# wraps between words only in en, fr, de, it, pt and es, and cuts words anywhere in the others, the invariant culture
# of a C or POSIX locale included ('' here).
function Get-RenderedHelp {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [int] $Width = 80,
        [string] $Culture = '',
        [string] $View = 'Full'
    )
    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo($Culture)
        $arguments = @{ Name = $Name }
        if ($View -ne 'Default') { $arguments[$View] = $true }
        Get-Help @arguments | Out-String -Width $Width
    }
    finally { [cultureinfo]::CurrentCulture = $saved }
}

# A regex that finds $Text as Out-String printed it: a line break (and the next line's indentation) may fall between
# any two characters, and a run of white space may be any white space.
function ConvertTo-RenderedPattern {
    param([Parameter(Mandatory)] [string] $Text)
    $parts = foreach ($chunk in [regex]::Split($Text.Trim(), '(\s+)')) {
        if ($chunk -match '^\s+$') { '\s+' }
        elseif ($chunk) { ($chunk.ToCharArray() | ForEach-Object { [regex]::Escape([string]$_) }) -join '(?:\r?\n *)?' }
    }
    $parts -join ''
}

# $Rendered without every printed occurrence of each of $Text (code or a URL, which Get-Help does not wrap as prose).
function Remove-RenderedText {
    param([Parameter(Mandatory)] [string] $Rendered, [string[]] $Text = @())
    foreach ($item in $Text | Where-Object { $_ -and $_.Trim() } | Sort-Object Length -Descending) {
        $Rendered = [regex]::Replace($Rendered, (ConvertTo-RenderedPattern $item), ' ')
    }
    $Rendered
}

# The rendering without its SYNTAX section (which PowerShell builds from the parameters, and wraps as it can).
function Remove-SyntaxSection {
    param([Parameter(Mandatory)] [string] $Rendered)
    $Rendered -replace '(?ms)^SYNTAX\r?\n.*?(?=^[A-Z][A-Z ]+\r?\n)', ''
}

# The words of a text: what white space separates.
function Get-TextWord {
    param([AllowEmptyString()] [string] $Text)
    @($Text -split '\s+' | Where-Object { $_ })
}

# The URLs in a text.
function Get-TextUrl {
    param([AllowEmptyString()] [string] $Text)
    @([regex]::Matches($Text, '\S*https?://\S*') | ForEach-Object Value | Sort-Object -Unique)
}

# The words of a platyPS doc that its help shows as prose: every section but SYNTAX, without code blocks, parameter
# yaml and the CommonParameters boilerplate (PowerShell writes its own), with inline code, emphasis and links turned
# into their text as the help builder does. Words holding a URL are left out (a long URL cannot fit on a line).
function Get-MarkdownProseWord {
    param([Parameter(Mandatory)] [string] $Path)
    $text = (Get-Content -Raw -LiteralPath $Path) -replace '\r\n', "`n"
    $text = $text -replace '(?s)^---\n.*?\n---\n', ''
    $text = $text -replace '(?ms)^```.*?^```[ \t]*$', ''
    $text = $text -replace '(?ms)^## SYNTAX\n.*?(?=^## )', ''
    $text = $text -replace '(?ms)^### CommonParameters\n.*?(?=^##)', ''
    $text = $text -replace '(?m)^## .*$', ''
    $text = $text -replace '(?m)^#+ ', ''
    $text = [regex]::Replace($text, '\[([^\]]*)\]\(([^)\s]*)\)', {
            param($m)
            $label, $url = $m.Groups[1].Value, $m.Groups[2].Value
            ($url -match '^https?://' -and $url -ne $label) ? "$label ($url)" : $label
        })
    $text = $text -replace '<(https?://[^>]+)>', '$1' -replace '\*\*', '' -replace '`', ''
    @(Get-TextWord $text | Where-Object { $_ -notmatch '://' })
}

Export-ModuleMember -Function *
