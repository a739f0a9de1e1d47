# Issue 14, "A publishable module": ./build.ps1 -Task Package makes out/SesAnalytics.<version>.nupkg without registering
# a repository; the package holds DuckDB's native library for every platform it ships and nothing the module does not
# need; installed with PSResourceGet from a local file repository into a temporary scope, it imports in a fresh pwsh
# and answers a query exactly as the staged module does. No PowerShell Gallery: only a folder on this machine.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Publishing.psm1" -Force
    $root = Get-RepoRoot
    $version = (Import-PowerShellDataFile (Join-Path $root 'module/SesAnalytics.psd1')).ModuleVersion
    $package = Join-Path $root "out/SesAnalytics.$version.nupkg"
    $reason = Get-PSResourceGetSkipReason
    if (-not $reason) {
        Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue
        $build = Invoke-FreshPwsh -Script @"
`$before = @(Get-PSResourceRepository | ForEach-Object { "`$(`$_.Name)=`$(`$_.Uri)" }) -join ' '
& '$root/build.ps1' -Task Package -Configuration Release
'repositories-before:' + `$before
'repositories-after:' + (@(Get-PSResourceRepository | ForEach-Object { "`$(`$_.Name)=`$(`$_.Uri)" }) -join ' ')
"@
    }
}

Describe 'build.ps1 -Task Package' {
    It 'writes out/SesAnalytics.<version>.nupkg' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $build.ExitCode | Should -Be 0 -Because $build.Output
        $build.Output | Should -Match ([regex]::Escape("Package written: $package"))
        Test-Path -LiteralPath $package | Should -BeTrue
    }

    It 'leaves the PSResourceGet repositories of the user as they were' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $before = [regex]::Match($build.Output, '(?m)^repositories-before:(.*)$').Groups[1].Value
        $after = [regex]::Match($build.Output, '(?m)^repositories-after:(.*)$').Groups[1].Value
        $after | Should -Be $before
    }
}

Describe 'What the package holds' {
    BeforeAll {
        $content = if (-not $reason -and (Test-Path -LiteralPath $package)) { @(Get-PackageContent -LiteralPath $package) }
        $natives = @($content | Where-Object Rid)
    }

    It 'carries DuckDB''s native library for every platform DuckDB.NET ships: linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64, win-arm64' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        # DuckDB.NET ships no linux-musl-x64 (Alpine), linux-arm or win-x86 build, so those platforms of PowerShell 7.4 are
        # not among the module's.
        @($natives.Rid | Sort-Object) | Should -Be @('linux-arm64', 'linux-x64', 'osx-arm64', 'osx-x64', 'win-arm64', 'win-x64')
        foreach ($library in $natives) {
            $folder = ($library.Path -split '/')[2]
            foreach ($rid in $library.Rid) { $rid | Should -BeLike "$folder*" -Because "$($library.Path) is built for $rid" }
        }
    }

    It 'names each native library in the engine''s deps.json, where the module''s load context finds it' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $zip = [IO.Compression.ZipFile]::OpenRead($package)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('Dependencies/SesAnalytics.Engine.deps.json').Open())
            $deps = $reader.ReadToEnd() | ConvertFrom-Json -AsHashtable
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $targets = @($deps.targets.Values.Values | Where-Object { $_ -is [hashtable] -and $_.ContainsKey('runtimeTargets') } |
                ForEach-Object { $_.runtimeTargets.Keys })
        foreach ($library in $natives) { $targets | Should -Contain ($library.Path -replace '^Dependencies/') }
    }

    It 'holds no documentation XML, no third-party symbols and no second copy of a library' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $files = @($content | Where-Object { $_.Path -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|SesAnalytics\.nuspec$)' })
        $files | Where-Object { $_.Path -like '*.xml' -and $_.Path -notlike 'en-US/*-Help.xml' } | Should -BeNullOrEmpty
        $files | Where-Object { $_.Path -like '*.pdb' -and (Split-Path $_.Path -Leaf) -notlike 'SesAnalytics.*' } | Should -BeNullOrEmpty
        # DuckDB's native library is one per platform; so are the ReadyToRun images (the next test).
        $names = $files | Where-Object { $_.Path -notlike '*/native/*' -and $_.Path -notlike 'Dependencies/ReadyToRun/*' } | ForEach-Object { Split-Path $_.Path -Leaf }
        $names | Group-Object | Where-Object Count -gt 1 | Should -BeNullOrEmpty
    }

    It 'carries the engine and DuckDB.NET compiled ahead of time for .NET 10 on linux-x64, linux-arm64, osx-x64, osx-arm64 and win-x64, each the assembly beside it' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $images = @($content | Where-Object Path -like 'Dependencies/ReadyToRun/*')
        $images.Path | Sort-Object | Should -Be @(
            foreach ($platform in 'linux-arm64', 'linux-x64', 'osx-arm64', 'osx-x64', 'win-x64') {
                foreach ($name in 'DuckDB.NET.Bindings', 'DuckDB.NET.Data', 'SesAnalytics.Engine') { "Dependencies/ReadyToRun/net10.0/$platform/$name.dll" }
            })
        $zip = [IO.Compression.ZipFile]::OpenRead($package)
        try {
            foreach ($image in $images) {
                $platform = ($image.Path -split '/')[3]
                $info = $zip.GetEntry($image.Path).Open() | ForEach-Object { try { Get-AssemblyImageInfo -Stream $_ } finally { $_.Dispose() } }
                $portable = $zip.GetEntry('Dependencies/' + (Split-Path $image.Path -Leaf)).Open() | ForEach-Object { try { Get-AssemblyImageInfo -Stream $_ } finally { $_.Dispose() } }
                $info.ReadyToRun | Should -BeTrue -Because "$($image.Path) is compiled ahead of time"
                $info.Platform | Should -Be $platform -Because "$($image.Path) runs on $platform"
                $info.Mvid | Should -Be $portable.Mvid -Because "$($image.Path) is compiled from the portable assembly of the package"
            }
        }
        finally { $zip.Dispose() }
    }

    It 'stays at the size bench/README.md records' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        # 122.0 MB with DuckDB.NET 1.5.6.1 and the ReadyToRun images; more means something is packed twice (or DuckDB
        # grew: update bench/README.md).
        (Get-Item -LiteralPath $package).Length | Should -BeLessThan 130MB
    }
}

Describe 'The package, installed from a local repository' {
    BeforeAll {
        $work = New-TestFolder package-install
        if (-not $reason -and (Test-Path -LiteralPath $package)) {
            $repository = New-Item -ItemType Directory -Path (Join-Path $work 'repository')
            Copy-Item -LiteralPath $package -Destination $repository
            # On Linux and macOS PSResourceGet keeps its repositories and the CurrentUser scope under HOME, so a temporary
            # HOME makes both temporary. On Windows they live in the user's profile whatever the environment says:
            # the repository gets a unique name and is unregistered, and Save-PSResource installs into a folder, as
            # Install-PSResource can only install into Documents.
            $tempHome = Join-Path $work 'home'
            $modules = $IsWindows ? (Join-Path $work 'Modules') : (Join-Path $tempHome '.local/share/powershell/Modules')
            $environment = @{
                HOME = $tempHome; XDG_DATA_HOME = (Join-Path $tempHome '.local/share'); XDG_CONFIG_HOME = (Join-Path $tempHome '.config')
                XDG_CACHE_HOME = (Join-Path $tempHome '.cache'); PSModulePath = $modules
            }
            # .NET answers a missing special folder with an empty path, which PSResourceGet and NuGet would take as the
            # working folder: the folders exist before they start, and the working folder is the temporary one anyway.
            foreach ($folder in '.local/share', '.config', '.cache', 'Library/Application Support') {
                $null = New-Item -ItemType Directory -Force -Path (Join-Path $tempHome $folder)
            }
            $name = "SesAnalyticsTest$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            $install = Invoke-FreshPwsh -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
[Environment]::CurrentDirectory = '$work'
Register-PSResourceRepository -Name '$name' -Uri '$repository' -Trusted
try {
    if (`$IsWindows) { Save-PSResource -Name SesAnalytics -Repository '$name' -Path '$modules' -TrustRepository -Quiet }
    else { Install-PSResource -Name SesAnalytics -Repository '$name' -Scope CurrentUser -TrustRepository -Quiet }
    'installed:' + (Get-ChildItem -LiteralPath '$modules/SesAnalytics' -Directory).Name
}
finally { Unregister-PSResourceRepository -Name '$name' }
'left:' + @(Get-PSResourceRepository -Name '$name' -ErrorAction SilentlyContinue).Count
"@
            $settings = @(Get-ChildItem -LiteralPath $work -Recurse -Force -Filter PSResourceRepository.xml)
            $store = Join-Path $work 'store'
            $query = Invoke-FreshPwsh -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
[Environment]::CurrentDirectory = '$work'
Import-Module SesAnalytics
'base:' + (Get-Module SesAnalytics).ModuleBase
`$null = New-SesSampleEvent -Count 500 -Seed 14 -StartDate 2024-03-01 -Days 2 | Import-SesEvent -Destination '$store'
'bounces:' + ((Get-SesBounce -Path '$store' -From 2024-03-01 -To 2024-03-02 | Sort-Object EmailAddress).EmailAddress -join ',')
if (`$IsLinux) { 'duckdb:' + (Get-Content /proc/self/maps | Where-Object { `$_ -match 'libduckdb' } | Select-Object -First 1) }
"@
            Import-SesAnalyticsModule
            $stagedStore = Join-Path $work 'staged-store'
            $null = New-SesSampleEvent -Count 500 -Seed 14 -StartDate 2024-03-01 -Days 2 | Import-SesEvent -Destination $stagedStore
            $expected = (Get-SesBounce -Path $stagedStore -From 2024-03-01 -To 2024-03-02 | Sort-Object EmailAddress).EmailAddress -join ','
        }
    }
    AfterAll { Remove-TestFolder $work }

    It 'installs with PSResourceGet into a temporary scope and leaves no repository registered' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $install.ExitCode | Should -Be 0 -Because $install.Output
        $install.Output | Should -Match "(?m)^installed:$([regex]::Escape($version))$"
        $install.Output | Should -Match '(?m)^left:0$'
        if (-not $IsWindows) {
            $settings.Count | Should -Be 1
            $settings[0].FullName | Should -BeLike (Join-Path $tempHome '*') -Because 'PSResourceGet kept its repositories in the temporary HOME'
        }
    }

    It 'imports in a fresh pwsh from the installed folder and answers a query as the staged module does' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $query.ExitCode | Should -Be 0 -Because $query.Output
        $base = [regex]::Match($query.Output, '(?m)^base:(.*)$').Groups[1].Value
        [IO.Path]::GetFullPath($base) | Should -BeLike ([IO.Path]::GetFullPath((Join-Path $modules 'SesAnalytics')) + '*')
        $expected | Should -Not -BeNullOrEmpty
        [regex]::Match($query.Output, '(?m)^bounces:(.*)$').Groups[1].Value | Should -Be $expected
    }

    It 'loads DuckDB''s native library from the installed package' {
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        if (-not $IsLinux) { Set-ItResult -Skipped -Because 'the loaded libraries are read from /proc/self/maps, which only Linux has'; return }
        [regex]::Match($query.Output, '(?m)^duckdb:.*?(/\S+)$').Groups[1].Value |
            Should -BeLike (Join-Path $modules "SesAnalytics/$version/Dependencies/runtimes/linux-*/native/libduckdb.so")
    }
}
