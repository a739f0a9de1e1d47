# Issue 14, "A publishable module": .github/workflows/ci.yml cannot run here, so its shape is checked instead: it parses
# as YAML, it has what GitHub requires (on, jobs, each job's runs-on and steps, each step a uses or a run), it runs the
# README's test command on Linux, Windows and macOS, and it uploads the package the Package task builds.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/Publishing.psm1" -Force
    $path = Get-WorkflowPath
    $reason = Get-YamlParserSkipReason
    $workflow = if (-not $reason -and (Test-Path -LiteralPath $path)) { Read-Workflow -LiteralPath $path }
    $readmeCommand = Get-ReadmeTestCommand
    # Each step of each job with the job's name, for the assertions that look at every step.
    $steps = if ($workflow -and $workflow['jobs'] -is [hashtable]) {
        foreach ($job in $workflow.jobs.GetEnumerator()) {
            foreach ($step in @($job.Value['steps'])) { [pscustomobject]@{ Job = $job.Key; Step = $step } }
        }
    }
}

Describe 'The CI workflow' {
    It 'is a YAML file GitHub reads: on, jobs, and each job with runs-on and steps' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        Test-Path -LiteralPath $path | Should -BeTrue -Because '.github/workflows/ci.yml is the CI of the repository'
        $workflow | Should -BeOfType [hashtable]
        $workflow.Keys | Should -Contain 'on'
        $workflow['on'] | Should -Not -BeNullOrEmpty
        $workflow['jobs'] | Should -BeOfType [hashtable]
        $workflow.jobs.Count | Should -BeGreaterThan 0
        foreach ($job in $workflow.jobs.GetEnumerator()) {
            $job.Value | Should -BeOfType [hashtable] -Because "job $($job.Key) is a mapping"
            $job.Value['runs-on'] | Should -Not -BeNullOrEmpty -Because "job $($job.Key) says where it runs"
            @($job.Value['steps']).Count | Should -BeGreaterThan 0 -Because "job $($job.Key) has steps"
        }
    }

    It 'gives every step a uses or a run, never both' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        foreach ($entry in $steps) {
            $entry.Step | Should -BeOfType [hashtable] -Because "every step of $($entry.Job) is a mapping"
            $kinds = @('uses', 'run' | Where-Object { $entry.Step.ContainsKey($_) })
            $kinds.Count | Should -Be 1 -Because "a step of $($entry.Job) ($($entry.Step | ConvertTo-Json -Compress)) has one of uses and run"
        }
    }

    It 'runs exactly the README''s test command on ubuntu-latest, windows-latest and macos-latest' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $testSteps = @($steps | Where-Object { $_.Step['run'] -and $_.Step['run'].Trim() -eq $readmeCommand })
        $testSteps.Count | Should -Be 1 -Because "one step runs '$readmeCommand'"
        $job = $workflow.jobs[$testSteps[0].Job]
        $job['runs-on'] | Should -Be '${{ matrix.os }}'
        $job.strategy.matrix.os | Sort-Object | Should -Be @('macos-latest', 'ubuntu-latest', 'windows-latest')
        $job.strategy['fail-fast'] | Should -BeIn @($false, 'false') -Because 'a failure on one platform must not hide the others'
    }

    It 'sets up .NET from global.json and installs jq before the tests' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $testJob = ($steps | Where-Object { $_.Step['run'] -and $_.Step['run'].Trim() -eq $readmeCommand }).Job
        $jobSteps = @($workflow.jobs[$testJob].steps)
        $before = foreach ($step in $jobSteps) {
            if ($step['run'] -and $step['run'].Trim() -eq $readmeCommand) { break }
            $step
        }
        @($before | Where-Object { "$($_['uses'])" -like 'actions/checkout@*' }).Count | Should -Be 1
        $dotnet = @($before | Where-Object { "$($_['uses'])" -like 'actions/setup-dotnet@*' })
        $dotnet.Count | Should -Be 1
        $dotnet[0].with['global-json-file'] | Should -Be 'global.json'
        @($before | Where-Object { "$($_['run'])" -match 'jq-1\.6' }).Count | Should -Be 1 -Because 'Firehose runs jq 1.6, the reference of the partition-key tests'
    }

    It 'builds the package after the tests pass and uploads it as an artifact' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $packageSteps = @($steps | Where-Object { "$($_.Step['run'])" -match '\./build\.ps1 -Task Package -Configuration Release' })
        $packageSteps.Count | Should -Be 1
        $job = $workflow.jobs[$packageSteps[0].Job]
        @($job['needs']) | Should -Contain (($steps | Where-Object { $_.Step['run'] -and $_.Step['run'].Trim() -eq $readmeCommand }).Job)
        $upload = @($job.steps | Where-Object { "$($_['uses'])" -like 'actions/upload-artifact@*' })
        $upload.Count | Should -Be 1
        $upload[0].with.path | Should -Be 'out/SesAnalytics.*.nupkg' -Because 'the Package task writes out/SesAnalytics.<version>.nupkg'
        $upload[0].with['if-no-files-found'] | Should -Be 'error'
    }

    It 'uses only actions pinned to a major version' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        foreach ($uses in @($steps | Where-Object { $_.Step['uses'] } | ForEach-Object { $_.Step['uses'] })) {
            $uses | Should -Match '^actions/[a-z-]+@v\d+$'
        }
    }
}
