# One damaged object or line costs only itself (issue #11 item 1): every reader of a store returns every other event,
# says which object it skipped (a warning for bad lines, an error for an unreadable object), and never ends early.

BeforeDiscovery {
    $commands = @(
        @{ Command = 'Get-SesEvent'; Expected = 'events' }
        @{ Command = 'Get-SesBounce'; Expected = 'bounces' }
        @{ Command = 'Get-SesEventSummary'; Expected = 'summary' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = $day; To = $day.AddDays(1) }

    function New-DamagedStore {
        $store = New-TestFolder damaged
        foreach ($d in $day, $day.AddDays(1)) {
            foreach ($identity in 'a.example', 'b.example') {
                $sends = 1..5 | ForEach-Object { New-SesTestRecord Send $identity "r$_@example.net" -Timestamp $d.AddHours(1) }
                Add-StoreObject $store $identity Send $d $sends -Name 'good-send.gz' | Out-Null
                $bounces = 1..2 | ForEach-Object { New-SesTestRecord Bounce $identity "r$_@example.net" -Timestamp $d.AddHours(2) }
                Add-StoreObject $store $identity Bounce $d $bounces -Name 'good-bounce.gz' | Out-Null
            }
        }
        # On the first day of a.example: a line that is not JSON inside a good object ...
        $mixed = @(New-SesTestRecord Bounce a.example 'r9@example.net' -Timestamp $day.AddHours(3)) + 'this is not json'
        Add-StoreObject $store a.example Bounce $day $mixed -Name 'bad-line.gz' | Out-Null
        $folder = Join-Path $store 'partitioned/a.example/Bounce/2024/03/08'
        # ... a GZIP object cut in its header, an empty file, a file that is not GZIP at all, and a folder named like an object.
        $whole = [IO.File]::ReadAllBytes((Join-Path $folder 'good-bounce.gz'))
        [IO.File]::WriteAllBytes((Join-Path $folder 'truncated.gz'), $whole[0..5])
        [IO.File]::WriteAllBytes((Join-Path $folder 'empty.gz'), [byte[]]@())
        Set-Content -LiteralPath (Join-Path $folder 'plain-text.gz') -Value (New-SesTestRecord Bounce a.example 'x@example.net')
        New-Item -ItemType Directory -Path (Join-Path $folder 'folder.gz') | Out-Null
        $store
    }
}

Describe '<Command> on a store with damaged objects' -ForEach $commands {
    BeforeAll {
        $store = New-DamagedStore
        $result = & $Command -Path $store @range -WarningVariable warnings -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    }
    AfterAll { Remove-TestFolder $store }

    It 'returns everything the good objects and good lines hold' {
        switch ($Expected) {
            'events' {
                @($result).Count | Should -Be (2 * 2 * (5 + 2) + 1)
                @($result | Where-Object { $_.Recipients -contains 'r9@example.net' }).Count | Should -Be 1
            }
            'bounces' {
                @($result).Count | Should -Be (2 * 2 * 2 + 1)
            }
            'summary' {
                ($result | Measure-Object Sends -Sum).Sum | Should -Be 20
                ($result | Measure-Object Bounces -Sum).Sum | Should -Be 9
            }
        }
    }

    It 'names the object with the bad line in a warning' {
        ($warnings | Out-String) | Should -Match ([regex]::Escape('bad-line.gz'))
    }

    It 'reports each unreadable object as its own error, without a stack trace' {
        $targets = @($errors | ForEach-Object { $_.TargetObject } | Where-Object { $_ }) -join "`n"
        $targets | Should -Match 'truncated\.gz'
        $targets | Should -Match 'plain-text\.gz'
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Match '^EventObjectUnreadable' }
        $targets | Should -Not -Match 'empty\.gz'
        ($errors | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }
}
