# Issue #10: every example of the README runs, statement by statement, as a user types it into one console: the
# offline block on the store its first line generates, the cloud blocks against the project's fakes on 127.0.0.1
# (CloudFormation + SES v2, S3, Athena), with only the location and the AWS parameters ($PSDefaultParameterValues)
# adapted. The two setup commands of the ```sh block are what .ci/run runs, so they are checked, not run again.
# And what the README says about the module holds: parameters, type names, assemblies, files.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Readme.psm1" -Force
    $blocks = @(Get-MarkdownCodeBlock (Get-ReadmePath) powershell | ForEach-Object {
            $setting = switch -Regex ($_.Code) {
                '(?m)^\./build\.ps1' { 'installed'; break }
                'New-SesAnalyticsStack' { 'deployment'; break }
                '-BucketName|-WorkGroup|-StackName' { 'cloud'; break }
                'New-SesSampleEvent' { 'offline'; break }
                default { 'unknown' }
            }
            @{
                Line       = $_.Line
                Setting    = $setting
                Statements = @(Get-CodeStatement $_.Code | ForEach-Object { @{ Code = $_.Code; Title = $_.Title; Prints = $_.Prints } })
            }
        })
    if ($blocks.Count -lt 4) { throw "Discovery found $($blocks.Count) powershell blocks in the README." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Readme.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    Import-SesAnalyticsModule
}

Describe 'The README block at line <Line> (<Setting>)' -ForEach $blocks {
    BeforeAll {
        $folder = New-TestFolder readme
        $fakes = @()
        $defaults = @{}
        switch ($Setting) {
            'deployment' {
                # One fake answers CloudFormation and SES v2; the account has verified the identity the README names.
                $cloudFormation = New-CloudFormationFake
                $cloudFormation.Ses.Identities['example.com'] = $true
                $fakes += $cloudFormation
                $aws = Get-FakeAwsParameters $cloudFormation
                foreach ($name in $aws.Keys) { $defaults["*-Ses*:$name"] = $aws[$name] }
            }
            'cloud' {
                # The event bucket (S3) for the object commands; Athena, with the stack and the bucket's identity
                # prefixes, for the query commands.
                Import-TestFakes
                $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
                $athena = New-AthenaFake
                $athena.BucketIdentities = @('example.com', 'mail.example.com')
                $fakes += $s3, $athena
                $today = (Get-Date).ToUniversalTime().Date
                foreach ($day in $today.AddDays(-1), $today) {
                    foreach ($identity in 'example.com', 'mail.example.com') {
                        foreach ($type in 'Send', 'Bounce') {
                            $record = New-SesTestRecord $type $identity 'bounce@simulator.amazonses.com' -Timestamp $day.AddHours(9)
                            $s3.Put("partitioned/$identity/$type/$($day.ToString('yyyy/MM/dd'))/ses-analytics-1-$($day.ToString('yyyy-MM-dd'))-09-00-00-$type.gz", [string[]]@($record))
                        }
                    }
                }
                $aws = Get-FakeAwsParameters $athena
                foreach ($name in 'AccessKey', 'SecretKey', 'Region') { $defaults["*-Ses*:$name"] = $aws[$name] }
                foreach ($command in 'Get-SesEventObject', 'Read-SesEventObject', 'Save-SesEventObject') { $defaults["${command}:EndpointUrl"] = $s3.EndpointUrl }
                foreach ($command in 'Get-SesBounce', 'Get-SesEvent', 'Get-SesEventSummary', 'Invoke-SesAthenaQuery') { $defaults["${command}:EndpointUrl"] = $athena.EndpointUrl }
            }
        }
        $session = switch ($Setting) {
            'installed' { New-ReadmeSession -Location (Get-RepoRoot) -NoImport }
            default { New-ReadmeSession -Location $folder -Defaults $defaults }
        }
    }

    AfterAll {
        if ($session) { $session.Dispose() }
        foreach ($fake in $fakes) { $fake.Dispose() }
        Remove-TestFolder $folder
    }

    It 'is a kind of block this file knows how to run' {
        $Setting | Should -Not -Be 'unknown' -Because 'a new README block needs its setting here (offline, deployment, cloud or installed)'
    }

    It 'runs: <Title>' -ForEach $Statements {
        if ($Setting -eq 'cloud') { Set-ExampleResult -Fake $athena -Code $Code }
        if ($Code -match '^\./build\.ps1\s*(#.*)?$') {
            # The suite runs under ./build.ps1 -Task Test, which has just built and staged the module: building again
            # here would only repeat it. What the next lines need from it is there.
            Join-Path (Get-RepoRoot) 'out/SesAnalytics' | Should -Exist
            return
        }

        $run = Invoke-ReadmeStatement $session $Code

        $run.Errors | Should -BeNullOrEmpty -Because ($run.Errors | Out-String)
        if ($Prints) { $run.Output | Should -Not -BeNullOrEmpty -Because 'a README line shows something' }
    }
}

Describe 'The offline block' {
    # Beyond running: the answers it promises come from its own generated store.
    BeforeAll {
        $block = Get-MarkdownCodeBlock (Get-ReadmePath) powershell | Where-Object Code -Match 'New-SesSampleEvent' | Select-Object -First 1
        $folder = New-TestFolder readme-offline
        $session = New-ReadmeSession -Location $folder
        $runs = @(Get-CodeStatement $block.Code | ForEach-Object { [pscustomobject]@{ Code = $_.Code; Run = Invoke-ReadmeStatement $session $_.Code } })
    }
    AfterAll {
        $session.Dispose()
        Remove-TestFolder $folder
    }

    It 'imports the 20,000 generated events' {
        $runs[0].Run.Output[0].EventsWritten | Should -Be 20000
    }

    It 'answers with the types it names, dates in UTC' {
        $bounces = ($runs | Where-Object Code -Like 'Get-SesBounce -Path*').Run.Output
        $bounces | ForEach-Object { $_ -is [SesAnalytics.BounceRecord] | Should -BeTrue }
        $bounces | ForEach-Object { $_.Day.Kind | Should -Be 'Utc' }
        ($runs | Where-Object Code -Like 'Get-SesEvent *').Run.Output | ForEach-Object { $_ -is [SesAnalytics.SesEvent] | Should -BeTrue }
    }

    It 'reads S3 Select SQL locally: one row per bounce, with the two columns asked for' {
        $rows = ($runs | Where-Object Code -Match 'Read-SesEventObject').Run.Output
        $rows[0].PSObject.Properties.Name | Should -Be @('messageId', 'bounceType')
    }
}

Describe 'What the README says' {
    BeforeAll {
        $readme = Get-ReadmePath
        $text = Get-Content -Raw -LiteralPath $readme
        $root = Get-RepoRoot
    }

    It 'names only parameters the commands have, in every command line it shows' {
        $shown = @(Get-ShownCommand $readme | Where-Object { (Get-Command ($_.GetCommandName()) -Module SesAnalytics -ErrorAction Ignore) })
        $shown.Count | Should -BeGreaterThan 20
        $shown | ForEach-Object {
            $binding = [Management.Automation.Language.StaticParameterBinder]::BindCommand($_, $true)
            foreach ($failure in $binding.BindingExceptions.Values) { "$($_.Extent.Text): $($failure.BindingException.Message)" }
        } | Should -BeNullOrEmpty
    }

    It 'calls examples/reputation-gate.ps1 with parameters it has' {
        $parameters = (Get-Command (Join-Path $root 'examples/reputation-gate.ps1')).Parameters.Keys
        $calls = [regex]::Matches($text, 'reputation-gate\.ps1((?: -\w+(?: [^\s`''-][^\s`'']*)?)+)') | ForEach-Object { $_.Groups[1].Value }
        @($calls).Count | Should -BeGreaterThan 1
        $calls | ForEach-Object { [regex]::Matches($_, '(?<=\s)-(\w+)') | ForEach-Object { $_.Groups[1].Value } } |
            Where-Object { $_ -notin $parameters } | Should -BeNullOrEmpty
    }

    It 'names types a user can name' {
        $types = @([regex]::Matches($text, '\[(SesAnalytics\.\w+)\]') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
        $types.Count | Should -BeGreaterThan 2
        $types | Where-Object { -not ($_ -as [type]) } | Should -BeNullOrEmpty
    }

    It 'names the third-party assemblies the module keeps in its Dependencies folder' {
        $dependencies = Join-Path (Split-Path (Get-ModuleManifestPath)) 'Dependencies'
        foreach ($assembly in @{ 'AWS SDK' = 'AWSSDK.Core.dll'; DuckDB = 'DuckDB.NET.Data.dll'; Polly = 'Polly*.dll'; YamlDotNet = 'YamlDotNet.dll' }.GetEnumerator()) {
            $text | Should -Match ([regex]::Escape($assembly.Key))
            Get-ChildItem -Path $dependencies -Filter $assembly.Value | Should -Not -BeNullOrEmpty -Because "the README says $($assembly.Key) is there"
        }
    }

    It 'links to files and lays out folders that exist' {
        $links = [regex]::Matches($text, '\]\(([^)#:]+)\)') | ForEach-Object { $_.Groups[1].Value }
        $layout = [regex]::Matches($text, '(?m)^\| `([^`]+)` \|') | ForEach-Object { $_.Groups[1].Value }
        @($layout).Count | Should -BeGreaterThan 5
        @($links) + @($layout) | Where-Object { -not (Test-Path -LiteralPath (Join-Path $root $_)) } | Should -BeNullOrEmpty
    }

    It 'gives as its test command the one .ci/run runs' {
        $setup = (Get-MarkdownCodeBlock $readme sh | Select-Object -First 1).Code
        $ci = Get-Content -Raw -LiteralPath (Join-Path $root '.ci/run')
        $command = 'dotnet tool restore && dotnet pwsh -NoProfile ./build.ps1 -Task Test'
        $setup | Should -Match ([regex]::Escape($command))
        $ci | Should -Match ([regex]::Escape($command))
        $ci | Should -Match ([regex]::Escape("faketime -f '+400d' dotnet pwsh -NoProfile ./build.ps1 -Task Test"))
    }
}
