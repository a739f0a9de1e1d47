# Update-SesEventCache: builds the caches that are missing or stale (all with -Force), honours -WhatIf, reports a
# folder that cannot be cached as its own error, and takes Get-SesEventCache's entries from the pipeline.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Update-SesEventCache -Minimum 3)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'

    $store = New-TestFolder cache-update
    $day = [datetime]'2024-03-08'
    Add-StoreObject $store example.com Send $day @(New-SesTestRecord Send example.com a@example.net) | Out-Null
    Add-StoreObject $store example.com Bounce $day @(New-SesTestRecord Bounce example.com a@example.net) | Out-Null
    Add-StoreObject $store example.com Delivery ([datetime]'2024-03-01') @(New-SesTestRecord Delivery example.com a@example.net) | Out-Null
    Add-StoreObject $store bad.example Bounce $day @('{"eventType": "Bounce", "mail": ') | Out-Null
}

AfterAll { Remove-TestFolder $store }

Describe 'Update-SesEventCache' {
    It 'builds nothing with -WhatIf' {
        Update-SesEventCache $store -WhatIf | Should -BeNullOrEmpty
        Get-SesEventCache $store | ForEach-Object { $_.State | Should -Be 'Missing' }
    }

    It 'builds the folders piped in, in their store' {
        $built = @(Get-SesEventCache $store -EventType Send | Update-SesEventCache)

        $built.Count | Should -Be 1
        $built[0].State | Should -Be 'Fresh'
        $built[0].Events | Should -Be 1
        (Get-SesEventCache $store -EventType Bounce -Identity example.com).State | Should -Be 'Missing'
    }

    It 'builds the rest, reporting the folder with a bad line as its own error' {
        $built = @(Update-SesEventCache $store -ErrorAction SilentlyContinue -ErrorVariable failed)

        $built.Count | Should -Be 2
        @($failed).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^EventCacheUnbuildable'
        $failed[0].Exception.Message | Should -Match 'bad\.example'
        (Get-SesEventCache $store -Identity bad.example).State | Should -Be 'Unbuildable'
        Get-SesEventCache $store -Identity example.com | ForEach-Object { $_.State | Should -Be 'Fresh' }
    }

    It 'leaves fresh caches alone, and rebuilds them with -Force' {
        Update-SesEventCache $store -Identity example.com | Should -BeNullOrEmpty
        @(Update-SesEventCache $store -Identity example.com -Force).Count | Should -Be 3
    }

    It 'still answers from the objects of the folder it could not cache, with the warning each time' {
        foreach ($time in 1, 2) {
            $bounces = @(Get-SesBounce $store -From 2024-03-08 -To 2024-03-08 -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed -ErrorAction SilentlyContinue)
            $bounces.Identity | Should -Be 'example.com'
            (@($warned) + @($failed)) -join "`n" | Should -Match 'bad\.example'
        }
    }

    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -notmatch 'EventCacheUnbuildable' } | Should -BeNullOrEmpty
    }
}
