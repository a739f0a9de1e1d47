# Issue #11 item 10: the help of every command as a user reads it in an 80-column console or CI log. Paragraphs come
# pre-wrapped, so no word is cut in any culture (Get-Help wraps between words only in en, fr, de, it, pt and es, and
# cuts words anywhere elsewhere, the invariant culture of a C or POSIX locale included); markdown markup is gone;
# examples are numbered once each; Get-Help -Online opens the command's own page in the repository's docs.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $docs = Join-Path (Get-RepoRoot) 'docs/en-US'
    $commands = @(Get-Command -Module SesAnalytics | Sort-Object Name | ForEach-Object {
            @{ Name = $_.Name; Doc = Join-Path $docs "$($_.Name).md" }
        })
    if ($commands.Count -lt 17) { throw "Discovery found $($commands.Count) SesAnalytics commands." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Help.psm1" -Force
    Import-SesAnalyticsModule
    $docsUri = 'https://github.com/sesanalytics/SesAnalytics/blob/main/docs/en-US/'
    $projectUri = (Import-PowerShellDataFile (Get-ModuleManifestPath)).PrivateData.PSData.ProjectUri
}

Describe 'The help of <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $code = @($help.examples.example | ForEach-Object code)
        # Nothing wraps at 4096 columns: its words are the words the help holds.
        $words = [Collections.Generic.HashSet[string]]::new([string[]](Get-TextWord (Get-RenderedHelp $Name -Width 4096)))
        $urls = Get-TextUrl (Get-RenderedHelp $Name -Width 4096)
        $invariant = Get-RenderedHelp $Name -Culture ''
        $english = Get-RenderedHelp $Name -Culture 'en-US'
        # The prose of the invariant rendering: without the syntax and the example code, which PowerShell prints as
        # they are, and without URLs, which may be longer than a line.
        $prose = Remove-RenderedText (Remove-SyntaxSection $invariant) -Text ($code + $urls)
    }

    It 'cuts no word of its text at 80 columns in the invariant culture (LANG=C)' {
        Get-TextWord $prose | Where-Object { -not $words.Contains($_) } | Select-Object -Unique |
            Should -BeNullOrEmpty -Because 'a word cut at the end of a line leaves pieces that are no words of the help'
        $invariant -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'cuts no word at 80 columns in en-US, the syntax and the examples included' {
        Get-TextWord (Remove-RenderedText $english -Text $urls) | Where-Object { -not $words.Contains($_) } |
            Select-Object -Unique | Should -BeNullOrEmpty
    }

    It 'fits its prose in 79 columns, the line of an 80-column console' {
        # The console host keeps the last column free; Out-String -Width 79 prints what it shows.
        $narrow = Remove-RenderedText (Remove-SyntaxSection (Get-RenderedHelp $Name -Width 79)) -Text ($code + $urls)
        Get-TextWord $narrow | Where-Object { -not $words.Contains($_) } | Select-Object -Unique | Should -BeNullOrEmpty
    }

    It 'shows every word of its markdown, whole' {
        $shown = [Collections.Generic.HashSet[string]]::new([string[]](Get-TextWord $prose))
        Get-MarkdownProseWord $Doc | Where-Object { -not $shown.Contains($_) } | Select-Object -Unique |
            Should -BeNullOrEmpty -Because "every word of $(Split-Path $Doc -Leaf) is in the help, without markup"
    }

    It 'shows no markdown markup (backticks, bold, links)' {
        $prose | Should -Not -Match '`'
        $prose | Should -Not -Match '\*\*'
        $prose | Should -Not -Match '\]\('
        $prose | Should -Not -Match '\[[^\]]+\]\([^)]*\)'
    }

    It 'describes every parameter' {
        @($help.parameters.parameter).Count | Should -BeGreaterThan 0
        $help.parameters.parameter | Where-Object { -not (($_.description | ForEach-Object Text) -join '').Trim() } |
            ForEach-Object name | Should -BeNullOrEmpty
        # In the rendering, a parameter's heading is followed by its text, not straight by its attributes.
        $invariant | Should -Not -Match '(?m)^    -\w+.*\r?\n\s+Required\?'
    }

    It 'numbers its examples 1, 2, 3 ... once each' {
        $titles = @(Get-HelpExampleCode $Name | ForEach-Object Title)
        $titles.Count | Should -BeGreaterThan 0
        $numbers = @($titles | ForEach-Object { if ($_ -match '^Example (\d+)\b') { [int]$Matches[1] } else { "'$_' has no number" } })
        $numbers | Should -Be @(1..$titles.Count)
    }

    It 'sends -Online to its own page in the repository docs' {
        $page = "$docsUri$Name.md"
        $page | Should -BeLike "$projectUri/*"
        (Get-Command $Name).HelpUri | Should -Be $page
        # Get-Help -Online opens the first link of the help that has a URI, before the command's HelpUri.
        @($help.relatedLinks.navigationLink | Where-Object { $_.uri })[0].uri | Should -Be $page
        Join-Path (Get-RepoRoot) ($page.Substring($projectUri.Length + '/blob/main/'.Length)) | Should -Exist
    }
}

Describe 'Get-Help -Online' {
    BeforeAll {
        $skip = if (-not $IsLinux) { 'the browser is replaced through xdg-open, which only Linux uses' }
        $bin = New-TestFolder help-online
        $opened = Join-Path $bin 'opened.txt'
        # A browser that writes down what it is asked to open; nothing leaves the machine.
        Set-Content -LiteralPath (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s\n' `"`$1`" >> '$opened'`n"
        if (-not $skip) { chmod +x (Join-Path $bin 'xdg-open') }
        $names = @(Get-Command -Module SesAnalytics | Sort-Object Name | ForEach-Object Name)
    }
    AfterAll { Remove-TestFolder $bin }

    It 'opens the page of each of the commands, and fails for none' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $script = @"
Import-Module '$(Get-ModuleManifestPath)'
foreach (`$name in '$($names -join "','")') { Get-Help `$name -Online -ErrorAction Continue }
"@
        $run = Invoke-FreshPwsh -Script $script -Environment @{ PATH = "$bin$([IO.Path]::PathSeparator)$env:PATH" }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'cannot be displayed|URI'
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not ((Test-Path $opened) -and @(Get-Content $opened | Sort-Object -Unique).Count -ge $names.Count) -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 100
        }
        @(Get-Content $opened | Sort-Object -Unique) | Should -Be @($names | ForEach-Object { "$docsUri$_.md" } | Sort-Object)
    }
}

Describe 'about_SesAnalytics' {
    BeforeAll {
        $wide = Get-RenderedHelp about_SesAnalytics -Width 4096 -View Default
        $words = [Collections.Generic.HashSet[string]]::new([string[]](Get-TextWord $wide))
        $rendered = Get-RenderedHelp about_SesAnalytics -Width 80 -View Default
        # A URL longer than a line is the one thing that may not fit.
        $text = Remove-RenderedText $rendered -Text (Get-TextUrl $wide)
    }

    It 'renders at 80 columns with no word cut, in the invariant culture' {
        $rendered | Should -Match 'SHORT DESCRIPTION'
        Get-TextWord $text | Where-Object { -not $words.Contains($_) } | Select-Object -Unique | Should -BeNullOrEmpty
        $text -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 79 } | Should -BeNullOrEmpty
    }

    It 'shows no markdown markup' {
        $rendered | Should -Not -Match '`|\*\*|\]\('
    }
}
