# Remove-SesEventCache: drops caches (and their empty folders), never the objects; -WhatIf removes nothing; takes
# Get-SesEventCache's entries from the pipeline.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Remove-SesEventCache -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'

    $store = New-TestFolder cache-remove
    $day = [datetime]'2024-03-08'
    Add-StoreObject $store example.com Send $day @(New-SesTestRecord Send example.com a@example.net) | Out-Null
    Add-StoreObject $store example.com Send $day.AddDays(-1) @(New-SesTestRecord Send example.com b@example.net) | Out-Null
    Add-StoreObject $store other.example Bounce $day @(New-SesTestRecord Bounce other.example a@example.net) | Out-Null
    $cacheRoot = Join-Path $store .sesanalytics cache
}

AfterAll { Remove-TestFolder $store }

Describe 'Remove-SesEventCache' {
    BeforeEach { Update-SesEventCache $store | Out-Null }

    It 'removes nothing with -WhatIf' {
        Remove-SesEventCache $store -WhatIf
        Get-SesEventCache $store | ForEach-Object { $_.State | Should -Be 'Fresh' }
    }

    It 'drops the caches asked for and the folders they leave empty, keeping the objects' {
        Remove-SesEventCache $store -Identity other.example | Should -BeNullOrEmpty

        Test-Path -LiteralPath (Join-Path $cacheRoot other.example) | Should -BeFalse
        (Get-SesEventCache $store -Identity other.example).State | Should -Be 'Missing'
        @(Get-SesBounce $store -From 2024-03-08 -To 2024-03-08).Count | Should -Be 1
        Get-SesEventCache $store -Identity example.com | ForEach-Object { $_.State | Should -Be 'Fresh' }
    }

    It 'drops the entries piped in' {
        Get-SesEventCache $store -To 2024-03-07 | Remove-SesEventCache
        (Get-SesEventCache $store -To 2024-03-07).State | Should -Be 'Missing'
        (Get-SesEventCache $store -From 2024-03-08 -Identity example.com).State | Should -Be 'Fresh'
    }

    It 'lists the cache of a folder whose objects were deleted as Orphaned, and drops it from the pipeline' {
        $orphaned = New-TestFolder cache-orphan
        try {
            $object = Add-StoreObject $orphaned example.com Send $day @(New-SesTestRecord Send example.com a@example.net)
            Add-StoreObject $orphaned example.com Send $day.AddDays(1) @(New-SesTestRecord Send example.com b@example.net) | Out-Null
            Update-SesEventCache $orphaned | Out-Null
            Remove-Item -LiteralPath $object

            $entries = @(Get-SesEventCache $orphaned)
            $entries.State | Should -Be 'Fresh', 'Orphaned'
            $entries[1].Day | Should -Be ([datetime]::SpecifyKind($day, 'Utc'))
            $entries[1].Objects | Should -Be 0
            $entries[1].CacheBytes | Should -BeGreaterThan 0
            @(Get-SesEventCache $orphaned -From 2024-03-09).State | Should -Be 'Fresh'

            Get-SesEventCache $orphaned | Where-Object State -eq Orphaned | Remove-SesEventCache
            @(Get-SesEventCache $orphaned).State | Should -Be 'Fresh'
            Test-Path -LiteralPath (Join-Path $orphaned .sesanalytics cache example.com Send 2024 03 08) | Should -BeFalse
        }
        finally { Remove-TestFolder $orphaned }
    }

    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
    }
}
