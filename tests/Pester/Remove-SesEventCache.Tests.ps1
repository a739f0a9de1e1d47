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

    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'"))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
    }
}
