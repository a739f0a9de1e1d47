# The module as a whole: its manifest, what it exports, what every command owes its users (an approved verb, typed
# output, help that documents every parameter and renders without placeholders, -WhatIf where it changes something),
# the about topic, and what importing it costs.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $commands = @(Get-Command -Module SesAnalytics | Sort-Object Name | ForEach-Object { @{ Name = $_.Name; Verb = $_.Verb } })
    $listed = @((Import-PowerShellDataFile (Get-ModuleManifestPath)).CmdletsToExport)
    if ($commands.Count -ne $listed.Count -or $commands.Count -lt 17) {
        throw "Discovery found $($commands.Count) SesAnalytics commands; the manifest lists $($listed.Count)."
    }
    # Verbs whose commands change AWS or the disk; each of them must offer -WhatIf and -Confirm.
    $changingVerbs = 'New', 'Set', 'Remove', 'Import', 'Export', 'Save', 'Send', 'Update', 'Clear', 'Add', 'Register', 'Unregister', 'Start', 'Stop', 'Publish', 'Install', 'Write'
    $changing = @($commands | Where-Object { $_.Verb -in $changingVerbs })
    $examples = @(foreach ($command in $commands) {
            Get-HelpExampleCode $command.Name | ForEach-Object { @{ Name = $command.Name; Title = $_.Title; Code = $_.Code } }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $manifest = Get-ModuleManifestPath
    $common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'The manifest' {
    BeforeAll {
        $module = Test-ModuleManifest -Path $manifest -ErrorAction Stop
    }

    It 'passes Test-ModuleManifest' {
        $module.Name | Should -Be 'SesAnalytics'
    }

    It 'declares PowerShell 7.4 Core, a description, tags and links' {
        $module.PowerShellVersion | Should -Be ([version]'7.4')
        $module.CompatiblePSEditions | Should -Be @('Core')
        $module.Description | Should -Not -BeNullOrEmpty
        $module.Tags | Should -Contain 'SES'
        $module.ProjectUri | Should -Not -BeNullOrEmpty
        $module.LicenseUri | Should -Not -BeNullOrEmpty
    }

    It 'exports cmdlets only, listed one by one' {
        $data = Import-PowerShellDataFile $manifest
        $data.CmdletsToExport | Should -Not -Contain '*'
        $data.FunctionsToExport.Count | Should -Be 0
        $data.VariablesToExport.Count | Should -Be 0
        $data.AliasesToExport.Count | Should -Be 0
        $module.ExportedFunctions.Count | Should -Be 0
    }

    It 'exports exactly the cmdlets the assembly defines' {
        $assembly = (Get-Module SesAnalytics).ImplementingAssembly
        $defined = $assembly.GetExportedTypes() | ForEach-Object {
            $attribute = $_.GetCustomAttributes([Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
        }

        (Import-PowerShellDataFile $manifest).CmdletsToExport | Sort-Object | Should -Be ($defined | Sort-Object)
        Get-Command -Module SesAnalytics | ForEach-Object Name | Sort-Object | Should -Be ($defined | Sort-Object)
        Get-Command -Module SesAnalytics | ForEach-Object { $_.CommandType | Should -Be 'Cmdlet' }
    }

    It 'is staged in a folder named after its version' {
        Split-Path (Split-Path $manifest -Parent) -Leaf | Should -Be (Get-Module SesAnalytics).Version.ToString()
    }
}

Describe '<Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'has an approved verb' {
        (Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'declares its output type' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'has help with a synopsis, a description and an example' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file PowerShell makes the synopsis from the syntax, which starts with the command's name.
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name*"
        (($help.description | ForEach-Object Text) -join '').Trim() | Should -Not -BeNullOrEmpty
        $first = @($help.examples.example)[0]
        $first.code | Should -Match ([regex]::Escape($Name))
    }

    It 'documents every parameter, and no parameter it does not have' {
        $parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
        $documented = @($help.parameters.parameter | ForEach-Object name)

        $parameters | Where-Object { $_ -notin $documented } | Should -BeNullOrEmpty -Because 'each parameter needs a section in docs/en-US'
        $documented | Where-Object { $_ -notin $command.Parameters.Keys } | Should -BeNullOrEmpty -Because 'the help names no parameter the command lacks'
        $help.parameters.parameter | Where-Object { -not (($_.description | ForEach-Object Text) -join '').Trim() } | ForEach-Object name |
            Should -BeNullOrEmpty -Because 'each parameter is described'
    }

    It 'renders its help at 80 columns without placeholders' {
        $text = Get-Help $Name -Full | Out-String -Width 80

        $text | Should -Not -Match '\{\{'
        $text | Should -Match 'SYNOPSIS'
        $text | Should -Match 'PARAMETERS'
        $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }
}

Describe 'Commands that change AWS or the disk' {
    It '<Name> offers -WhatIf and -Confirm' -ForEach $changing {
        $command = Get-Command $Name
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.ImplementingType.GetCustomAttributes([Management.Automation.CmdletAttribute], $false)[0].SupportsShouldProcess | Should -BeTrue
    }
}

Describe 'Help examples as Get-Help shows them' {
    It '<Name> shows <Title>' -ForEach $examples {
        $text = (Get-Help $Name -Full | Out-String -Width 80) -replace '\s', '' -replace 'PS>', ''

        $text | Should -Match ([regex]::Escape(($Title -replace '\s', '')))
        $text | Should -Match ([regex]::Escape(($Code -replace '\s', '')))
    }
}

Describe 'about_SesAnalytics' {
    BeforeAll {
        $text = Get-Help about_SesAnalytics | Out-String
    }

    It 'is found by Get-Help' {
        $text | Should -Match 'about_SesAnalytics'
        $text | Should -Match 'SHORT DESCRIPTION'
    }

    It 'names <Name>' -ForEach $commands {
        $text | Should -Match "\b$([regex]::Escape($Name))\b"
    }
}

Describe 'Importing the module' {
    It 'loads neither the AWS SDK nor DuckDB, in a fresh pwsh' {
        $script = @"
Import-Module '$manifest' -ErrorAction Stop
`$ours = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name -eq 'SesAnalytics' }
'loaded: ' + ((`$ours.GetName().Name | Sort-Object) -join ',')
"@
        $run = Invoke-FreshPwsh -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'loaded: '
        $run.Output | Should -Not -Match 'DuckDB|AWSSDK'
    }
}
