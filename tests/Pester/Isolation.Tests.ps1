# The module in a session where another module already loaded a different AWSSDK.Core into the default load context
# (AWS.Tools does), and across Remove-Module / Import-Module. Runs in a fresh pwsh so that nothing else loaded first.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    $manifest = Get-ModuleManifestPath
    $legacy = Join-Path (Get-RepoRoot) 'out/test-packages/awssdk.core/3.7.501.1/lib/net8.0/AWSSDK.Core.dll'
}

Describe 'Beside an older AWSSDK.Core' {
    BeforeAll {
        $store = New-TestFolder isolation
        $script = @"
`$ErrorActionPreference = 'Stop'
`$legacy = [Reflection.Assembly]::LoadFrom('$legacy')
'legacy:' + `$legacy.GetName().Version
Import-Module '$manifest'
`$first = Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDISOLATION01 -SecretKey isolated
'first:' + `$first.Region + ':' + `$first.AccessKeyId
Remove-Module SesAnalytics
Import-Module '$manifest'
`$second = Get-SesAwsContext -Region ap-northeast-1 -AccessKey AKIDISOLATION02 -SecretKey isolated
'second:' + `$second.Region + ':' + `$second.AccessKeyId
`$null = New-SesSampleEvent -Count 300 -Seed 3 -AsJson | Import-SesEvent -Destination '$store'
'bounces:' + @(Get-SesBounce -Path '$store' -From (Get-Date).AddDays(-7)).Count
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'DuckDB.NET.Data' } |
    ForEach-Object { 'duckdb:' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' } |
    ForEach-Object { 'sdk:' + `$_.GetName().Version + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@
        $run = Invoke-FreshPwsh -Script $script
    }
    AfterAll { Remove-TestFolder $store }

    It 'runs AWS and DuckDB commands with its own SDK while the older one stays in the default context' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'legacy:3\.3\.0\.0'
        $run.Output | Should -Match 'sdk:3\.3\.0\.0:Default'
        $run.Output | Should -Match 'sdk:4\.0\.0\.0:SesAnalytics'
        $run.Output | Should -Match 'duckdb:SesAnalytics'
        $run.Output | Should -Match 'bounces:[1-9]'
    }

    It 'survives Remove-Module and Import-Module' {
        $run.Output | Should -Match ([regex]::Escape('first:eu-west-1:***********ON01'))
        $run.Output | Should -Match ([regex]::Escape('second:ap-northeast-1:***********ON02'))
    }
}

Describe 'Assemblies compiled ahead of time (ReadyToRun)' {
    BeforeAll {
        $dependencies = Join-Path (Split-Path $manifest) 'Dependencies'
        $runtime = "net$([Environment]::Version.Major).0"
        $platform = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
        $images = [IO.Path]::GetFullPath((Join-Path $dependencies "ReadyToRun/$runtime/$platform"))
        $reason = if (-not (Test-Path -LiteralPath $images)) {
            "the build made no ReadyToRun images for $runtime on $platform (it makes them for .NET 10 on linux-x64, linux-arm64, osx-x64, osx-arm64 and win-x64)"
        }
        $listAssemblies = @"
`$ErrorActionPreference = 'Stop'
Import-Module '{0}'
`$null = New-SesSampleEvent -Count 200 -Seed 5 -AsJson | Import-SesEvent -Destination '{1}'
'bounces:' + @(Get-SesBounce -Path '{1}' -From (Get-Date).AddDays(-7)).Count
[AppDomain]::CurrentDomain.GetAssemblies() |
    Where-Object {{ [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name -eq 'SesAnalytics' }} |
    ForEach-Object {{ 'loaded:' + `$_.GetName().Name + '=' + `$_.Location }}
"@
    }

    It 'loads the engine and DuckDB.NET from the images compiled for this runtime and platform, the rest portable' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $store = New-TestFolder readytorun
        try {
            $run = Invoke-FreshPwsh -Script ($listAssemblies -f $manifest, $store)
        }
        finally { Remove-TestFolder $store }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'bounces:[1-9]'
        foreach ($name in 'SesAnalytics.Engine', 'DuckDB.NET.Data', 'DuckDB.NET.Bindings') {
            $run.Output | Should -Match ([regex]::Escape("loaded:$name=$(Join-Path $images "$name.dll")"))
        }
        $others = @([regex]::Matches($run.Output, '(?m)^loaded:([^=]+)=(.*)$') | Where-Object { $_.Groups[1].Value -notin 'SesAnalytics.Engine', 'DuckDB.NET.Data', 'DuckDB.NET.Bindings' })
        foreach ($other in $others) { Split-Path $other.Groups[2].Value | Should -Be ([IO.Path]::GetFullPath($dependencies)) }
    }

    It 'stages each image as ReadyToRun code for its folder''s platform, the same assembly as its portable twin' {
        $folders = @(Get-ChildItem -LiteralPath (Join-Path $dependencies 'ReadyToRun/net10.0') -Directory -ErrorAction SilentlyContinue)
        if (-not $folders) { Set-ItResult -Skipped -Because 'this build staged no ReadyToRun images'; return }
        foreach ($folder in $folders) {
            @(Get-ChildItem -LiteralPath $folder.FullName -File).Name | Sort-Object |
                Should -Be @('DuckDB.NET.Bindings.dll', 'DuckDB.NET.Data.dll', 'SesAnalytics.Engine.dll')
            foreach ($image in Get-ChildItem -LiteralPath $folder.FullName -File) {
                $info = Get-AssemblyImageInfoOfFile -LiteralPath $image.FullName
                $twin = Get-AssemblyImageInfoOfFile -LiteralPath (Join-Path $dependencies $image.Name)
                $info.ReadyToRun | Should -BeTrue -Because "$($image.FullName) is compiled ahead of time"
                $info.Platform | Should -Be $folder.Name -Because "$($image.FullName) runs on $($folder.Name)"
                $info.Mvid | Should -Be $twin.Mvid -Because "$($image.Name) is compiled from the portable assembly beside it"
                $twin.ReadyToRun | Should -BeFalse
            }
        }
    }

    It 'loads the portable assemblies where <Case>' -TestCases @(
        @{ Case = 'the runtime is not the one the images were compiled for (.NET 8 or 9: PowerShell 7.4, 7.5)'; Portable = 'SesAnalytics.Engine', 'DuckDB.NET.Data', 'DuckDB.NET.Bindings'; Change = { param($images) Rename-Item -LiteralPath $images -NewName 'net1.0' } }
        @{ Case = 'an image is not the assembly beside it (left by another build)'; Portable = @('SesAnalytics.Engine'); Change = { param($images) Get-ChildItem -LiteralPath $images -Directory | ForEach-Object { Copy-Item -LiteralPath (Join-Path $_.FullName 'DuckDB.NET.Bindings.dll') -Destination (Join-Path $_.FullName 'SesAnalytics.Engine.dll') -Force } } }
    ) {
        param($Case, $Portable, $Change)
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $work = New-TestFolder readytorun-other
        try {
            $copy = Join-Path $work 'SesAnalytics'
            Copy-Item -LiteralPath (Split-Path $manifest) -Destination $copy -Recurse
            & $Change (Join-Path $copy 'Dependencies/ReadyToRun/net10.0')
            $run = Invoke-FreshPwsh -Script ($listAssemblies -f (Join-Path $copy 'SesAnalytics.psd1'), (Join-Path $work 'store'))
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Output | Should -Match 'bounces:[1-9]'
            foreach ($name in 'SesAnalytics.Engine', 'DuckDB.NET.Data', 'DuckDB.NET.Bindings') {
                $folder = $name -in $Portable ? 'Dependencies' : "Dependencies/ReadyToRun/net10.0/$platform"
                $run.Output | Should -Match ([regex]::Escape("loaded:$name=$([IO.Path]::GetFullPath((Join-Path $copy "$folder/$name.dll")))"))
            }
        }
        finally { Remove-TestFolder $work }
    }
}
