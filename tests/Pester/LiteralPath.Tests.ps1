# Literal paths from the pipeline (issue #11 item 6): a file or folder object piped to any command that takes paths binds
# by its PSPath, literally, as the Microsoft.PowerShell.Management cmdlets bind it, so names holding [ ] or * name
# themselves and never a sibling that the same text matches as a wildcard; and a wildcard that matches nothing is an
# error, never a silent empty answer.

BeforeDiscovery {
    # Names that are wildcards when read as -Path, each beside the sibling that wildcard would match instead.
    $names = @(
        @{ Name = 'day[1]'; Sibling = 'day1' }
        @{ Name = 'day*'; Sibling = 'day-other' }
    )
    $queries = @(
        # What of each row names the store it came from: the recipient's or the identity's first label.
        @{ Command = 'Get-SesBounce'; Recipients = { param($rows) $rows.EmailAddress -replace '@.*' } }
        @{ Command = 'Get-SesEvent'; Recipients = { param($rows) $rows.Recipients -replace '@.*' } }
        @{ Command = 'Get-SesEventSummary'; Recipients = { param($rows) $rows.Identity -replace '\..*' } }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes

    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = $day; To = $day }
    $root = New-TestFolder literal-path

    # One bounce whose recipient and identity name the store or file it is in: which one was read shows in the output.
    function New-Record([string] $Name) {
        $identity = ($Name -replace '[^a-z0-9-]', 'x') + '.example'
        New-SesTestRecord Bounce $identity "$($Name -replace '[^a-z0-9-]', 'x')@example.net" -Timestamp $day.AddHours(9)
    }
    function New-NamedStore([string] $Name) {
        $path = Join-Path $root "stores/$Name"
        $record = New-Record $Name
        Add-StoreObject $path (($record | ConvertFrom-Json).mail.tags.'ses:sender-identity'[0]) Bounce $day @($record) | Out-Null
        $path
    }
    function New-NamedFile([string] $Name) {
        $folder = Join-Path $root 'files'
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $path = Join-Path $folder $Name
        Set-Content -LiteralPath $path -Value (New-Record $Name)
        $path
    }
    function Expected([string] $Name) { ($Name -replace '[^a-z0-9-]', 'x') }

    # The folder or file object of one name, as Get-ChildItem gives it (with its PSPath). Not Get-Item -LiteralPath:
    # on Linux, pwsh 7.6's Get-Item -LiteralPath '<folder>/day*' returns the sibling day1.
    function Get-NamedItem([string] $Folder, [string] $Name) {
        Get-ChildItem -LiteralPath (Join-Path $root $Folder) | Where-Object Name -CEQ $Name
    }

    foreach ($name in 'day[1]', 'day1', 'day*', 'day-other') { New-NamedStore $name | Out-Null }
}

AfterAll { Remove-TestFolder $root }

Describe '<Command> reads the store a piped folder names' -ForEach $queries {
    It 'the folder ''<Name>'' from Get-ChildItem | <Command> reads <Name>, not <Sibling>' -ForEach $names {
        $rows = Get-NamedItem stores $Name | & $Command @range -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        (& $Recipients $rows) | Should -Be (Expected $Name)
    }

    It 'a DirectoryInfo made in .NET (FullName, no PSPath) for ''<Name>'' | <Command> reads <Name>' -ForEach $names {
        $rows = [IO.DirectoryInfo]::new((Join-Path $root "stores/$Name")) | & $Command @range

        (& $Recipients $rows) | Should -Be (Expected $Name)
    }

    It 'Get-ChildItem | <Command> reads each store once' {
        $rows = Get-ChildItem -LiteralPath (Join-Path $root 'stores') -Directory | & $Command @range

        @(& $Recipients $rows | Sort-Object) | Should -Be @('day-other', 'day1', 'dayx', 'dayx1x')
    }

    It 'takes -Path literally too, and -LiteralPath as its alias' {
        (& $Recipients (& $Command -Path (Join-Path $root 'stores/day[1]') @range)) | Should -Be 'dayx1x'
        (& $Recipients (& $Command -LiteralPath (Join-Path $root 'stores/day*') @range)) | Should -Be 'dayx'
        (Get-Command $Command).Parameters['Path'].Aliases | Should -Contain 'PSPath'
    }

    It 'stops with StoreNotFound for a -Path with a wildcard that names no folder, rather than answer nothing' {
        $pattern = Join-Path $root 'stores/nothing*'
        $err = $null
        try { & $Command -Path $pattern @range -ErrorAction Stop } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'StoreNotFound,*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$err" | Should -Match ([regex]::Escape($pattern))
    }

    It 'reports a piped store path that names no folder as that input''s error, and reads the next one' {
        $pattern = Join-Path $root 'stores/nothing*'
        $rows = $pattern, (Join-Path $root 'stores/day1') | & $Command @range -ErrorAction SilentlyContinue -ErrorVariable errors

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'StoreNotFound,*'
        $errors[0].TargetObject | Should -Be $pattern
        (& $Recipients $rows) | Should -Be 'day1'
    }
}

Describe 'Read-SesEventObject with a piped file' {
    BeforeAll {
        foreach ($pair in @{ Name = 'day[1].json'; Sibling = 'day1.json' }, @{ Name = 'day*.json'; Sibling = 'day-other.json' }) {
            New-NamedFile $pair.Name | Out-Null
            New-NamedFile $pair.Sibling | Out-Null
        }
        $sql = 'SELECT s.bounce.bouncedRecipients[0].emailAddress AS EmailAddress FROM S3Object[*] s'
    }

    It 'reads <Name>.json, not <Sibling>.json, from Get-ChildItem -LiteralPath' -ForEach $names {
        $read = Get-NamedItem files "$Name.json" | Read-SesEventObject $sql -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        @($read).Count | Should -Be 1
        $read.EmailAddress | Should -Be "$(Expected "$Name.json")@example.net"
    }

    It 'binds a file object''s PSPath and FullName to -LiteralPath' {
        $parameter = (Get-Command Read-SesEventObject).Parameters
        $parameter['LiteralPath'].Aliases | Should -Contain 'PSPath'
        $parameter['LiteralPath'].Aliases | Should -Contain 'FullName'
        $parameter['Path'].Aliases | Should -Not -Contain 'FullName'
    }

    It 'reports a wildcard that matches nothing as PathNotFound' {
        $read = Read-SesEventObject -Path (Join-Path $root 'files/nothing-*.json') -ErrorAction SilentlyContinue -ErrorVariable errors

        $read | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Import-SesEvent with a piped file' {
    BeforeAll {
        foreach ($pair in @{ Name = 'in[1].json'; Sibling = 'in1.json' }, @{ Name = 'in*.json'; Sibling = 'in-other.json' }) {
            New-NamedFile $pair.Name | Out-Null
            New-NamedFile $pair.Sibling | Out-Null
        }
    }

    It 'imports <_>, not the file its name matches as a wildcard' -ForEach 'in[1].json', 'in*.json' {
        $destination = Join-Path $root "imported-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $summary = Get-NamedItem files $_ | Import-SesEvent -Destination $destination -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        $summary.EventsWritten | Should -Be 1
        (@(Get-StoreObject $destination).Lines | ConvertFrom-Json).mail.destination | Should -Be "$(Expected $_)@example.net"
    }

    It 'reports a -Path wildcard that matches nothing as PathNotFound, and imports nothing' {
        $destination = Join-Path $root 'imported-nothing'
        $pattern = Join-Path $root 'files/nothing-*.json'
        $summary = Import-SesEvent -Path $pattern -Destination $destination -ErrorAction SilentlyContinue -ErrorVariable errors

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $pattern
        "$($errors[0])" | Should -Match 'No file matches .*-LiteralPath'
        $summary.LinesRead | Should -Be 0
    }
}

Describe 'Paths written, not read' {
    It 'Export-SesAnalyticsTemplate -Path writes the file its name names, brackets and all' {
        $path = Join-Path $root 'template[1].yaml'
        $null = Export-SesAnalyticsTemplate -Path $path

        Test-Path -LiteralPath $path | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $root 'template1.yaml') | Should -BeFalse
    }

    It 'Save-SesEventObject -Destination creates the store its name names' {
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        try {
            $s3.Put('partitioned/mail.example.com/Bounce/2024/03/08/ses-1-2024-03-08-09-00-00-a.gz', [string[]] @(New-Record saved))
            $destination = Join-Path $root 'saved[1]'

            $fake = Get-FakeAwsParameters $s3
            $summary = Save-SesEventObject -BucketName ses-events -Destination $destination @range @fake

            $summary.ObjectsCopied | Should -Be 1
            Test-Path -LiteralPath (Join-Path $destination 'partitioned/mail.example.com/Bounce/2024/03/08') | Should -BeTrue
            @(Get-SesBounce -Path $destination @range).Count | Should -Be 1
        }
        finally { $s3.Dispose() }
    }
}
