# Get-SesEventCache: the state of each store folder's columnar cache, as a user sees it, and that the questions read
# a fresh cache (their -Verbose says so) with the same answers as from the objects.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesEventCache -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'

    $store = New-TestFolder cache-get
    $day = [datetime]'2024-03-08'
    $recipients = 'a@example.net', 'b@example.org', 'c@example.net'
    Add-StoreObject $store example.com Send $day @($recipients | ForEach-Object { New-SesTestRecord Send example.com $_ }) | Out-Null
    Add-StoreObject $store example.com Bounce $day @(New-SesTestRecord Bounce example.com a@example.net) | Out-Null
    Add-StoreObject $store mail.example.org Send $day.AddDays(1) @(New-SesTestRecord Send mail.example.org d@example.net) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesEventCache' {
    It 'lists every folder as Missing before anything is built, and the questions read the objects' {
        $entries = @(Get-SesEventCache $store)

        $entries.Count | Should -Be 3
        $entries | ForEach-Object { $_.State | Should -Be 'Missing' }
        $entries[0] | Should -BeOfType ([SesAnalytics.EventCacheEntry])
        $entries[0].Day.Kind | Should -Be 'Utc'
        $verbose = Get-SesEventSummary $store @range -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose -join "`n") | Should -Match 'Reading 0 of 3 folders from the columnar cache.*Update-SesEventCache'
    }

    It 'shows Fresh entries with their events once built, and the questions read the cache with equal answers' {
        $before = Get-SesEventSummary $store @range | ConvertTo-Json -Depth 5
        $bounces = Get-SesBounce $store @range | ConvertTo-Json -Depth 5

        @(Update-SesEventCache $store).Count | Should -Be 3
        $entries = @(Get-SesEventCache $store -Verify)

        $entries | ForEach-Object { $_.State | Should -Be 'Fresh' }
        ($entries | Where-Object EventType -eq Send | Measure-Object Events -Sum).Sum | Should -Be 4
        $entries | ForEach-Object { $_.CacheBytes | Should -BeGreaterThan 0; Test-Path -LiteralPath $_.Path | Should -BeTrue }
        $output = Get-SesEventSummary $store @range -Verbose 4>&1
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -Match 'Reading all 3 folders from the columnar cache'
        $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ConvertTo-Json -Depth 5 | Should -Be $before
        Get-SesBounce $store @range | ConvertTo-Json -Depth 5 | Should -Be $bounces
    }

    It 'filters by identity, event type and day' {
        @(Get-SesEventCache $store -Identity 'mail.*').Count | Should -Be 1
        @(Get-SesEventCache $store -EventType bounce).EventType | Should -Be 'Bounce'
        @(Get-SesEventCache $store -From 2024-03-09).Identity | Should -Be 'mail.example.org'
        @(Get-SesEventCache -LiteralPath $store -To 2024-03-08).Count | Should -Be 2
    }

    It 'says Stale when a folder gains an object, and the questions read its objects again' {
        $extra = Add-StoreObject $store example.com Bounce $day @(New-SesTestRecord Bounce example.com b@example.org)
        try {
            $entry = Get-SesEventCache $store -EventType Bounce
            $entry.State | Should -Be 'Stale'
            $entry.Events | Should -BeNullOrEmpty
            @(Get-SesBounce $store @range).Count | Should -Be 2
        }
        finally { Remove-Item -LiteralPath $extra }
        (Get-SesEventCache $store -EventType Bounce).State | Should -Be 'Fresh'
    }

    It 'says Damaged for a truncated cache file, and the questions bypass it' {
        $entry = Get-SesEventCache $store -EventType Bounce
        $file = Join-Path $entry.Path events.parquet
        $bytes = [IO.File]::ReadAllBytes($file)
        try {
            [IO.File]::WriteAllBytes($file, $bytes[0..99])
            (Get-SesEventCache $store -EventType Bounce).State | Should -Be 'Damaged'
            @(Get-SesBounce $store @range).Count | Should -Be 1
        }
        finally { [IO.File]::WriteAllBytes($file, $bytes) }
    }

    It 'shows a table within 79 columns and a list with the rest' {
        $entries = @(Get-SesEventCache $store)
        $table = Assert-ViewText $entries -Match 'Identity\s+EventType\s+Day\s+State\s+Events\s+Size', 'example\.com\s+Send\s+2024-03-08\s+Fresh\s+3\s+\d+ KB' -PassThru
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 }
        Assert-ViewText $entries[0] -View List -Match 'Reason', 'StorePath', 'CacheBytes'
    }

    It 'names a store that does not exist as that store''s error' {
        $missing = Join-Path $store nope
        $output = Get-SesEventCache -LiteralPath $missing, $store -ErrorAction SilentlyContinue -ErrorVariable failed
        @($output).Count | Should -Be 3
        $failed[0].FullyQualifiedErrorId | Should -Match 'StoreNotFound'
    }

    It 'suggests an Update-SesEventCache line that pastes as it is, also for a store named with a quote' {
        $quoted = Join-Path (New-TestFolder cache-quote) "it's a store"
        try {
            Add-StoreObject $quoted example.com Send $day @(New-SesTestRecord Send example.com a@example.net) | Out-Null
            $verbose = Get-SesEventSummary -LiteralPath $quoted @range -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $line = ($verbose -join "`n") -split "`n" | Where-Object { $_ -match 'Update-SesEventCache -LiteralPath' } | Select-Object -First 1
            $line | Should -Match ([regex]::Escape("Update-SesEventCache -LiteralPath '$($quoted.Replace("'", "''"))'"))

            & ([scriptblock]::Create(($line -replace '^.*(Update-SesEventCache -LiteralPath .*?) builds the cache.*$', '$1'))) | Out-Null
            (Get-SesEventCache -LiteralPath $quoted).State | Should -Be 'Fresh'
        }
        finally { Remove-TestFolder (Split-Path $quoted -Parent) }
    }

    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
    }
}
