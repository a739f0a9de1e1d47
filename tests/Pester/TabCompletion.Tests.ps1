# Tab completion of the offline query commands through TabExpansion2, as the console asks for it: -Identity from the
# identities the store holds, the event and bounce types from their lists.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule

    # What Tab offers at the end of $Line.
    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    $store = New-TestFolder completion
    $day = [datetime]'2024-03-08'
    foreach ($identity in 'example.com', 'mail.example.org', "o'brien.example", 'hello@example.com', 'a[1].example') {
        Add-StoreObject $store $identity Bounce $day @(New-SesTestRecord Bounce $identity "someone@$identity") | Out-Null
    }
}

AfterAll { Remove-TestFolder $store }

Describe 'Tab completion of -Identity' {
    It 'offers the store''s identities that start with what is typed, for <_>' -ForEach 'Get-SesBounce', 'Get-SesEvent', 'Get-SesEventSummary' {
        $offered = @(Complete "$_ -Path '$store' -Identity ma")

        $offered.CompletionText | Should -Be 'mail.example.org'
        $offered[0].ResultType | Should -Be 'ParameterValue'
        $offered[0].ListItemText | Should -Be 'mail.example.org'
    }

    It 'offers every identity, sorted, after a positional -Path and -EventType' {
        (Complete "Get-SesEvent '$store' Bounce -Identity ").ListItemText |
            Should -Be @('a[1].example', 'example.com', 'hello@example.com', 'mail.example.org', "o'brien.example")
    }

    It 'quotes an identity so that it can be typed back as it is' {
        (Complete "Get-SesBounce -Path '$store' -Identity o").CompletionText | Should -Be "'o''brien.example'"
        $bracketed = (Complete "Get-SesBounce -Path '$store' -Identity a").CompletionText
        $bracketed | Should -Be "'a``[1``].example'"

        foreach ($completion in "'o''brien.example'", $bracketed) {
            $rows = @(Invoke-Expression "Get-SesBounce -Path '$store' -From 2024-03-08 -To 2024-03-08 -Identity $completion")
            $rows.Count | Should -Be 1 -Because "$completion names one identity"
        }
    }

    It 'resolves a relative -Path against the current location' {
        Push-Location $store
        try { (Complete 'Get-SesBounce . -Identity hel').CompletionText | Should -Be 'hello@example.com' }
        finally { Pop-Location }
    }

    It 'offers nothing when no identity starts with what is typed' {
        Complete "Get-SesEventSummary -Path '$store' -Identity X" | Should -BeNullOrEmpty
    }

    It 'offers nothing, without an error, for a store that does not exist or no -Path' {
        $errorsBefore = $Error.Count
        Complete "Get-SesBounce -Path '$store-missing' -Identity " | Should -BeNullOrEmpty
        Complete 'Get-SesBounce -Identity ' | Should -BeNullOrEmpty
        $Error.Count | Should -Be $errorsBefore
    }

    It 'offers nothing in the cloud sets, where listing the bucket would cost a call per key press' {
        Complete 'Get-SesBounce -StackName ses-analytics -Identity ' | Should -BeNullOrEmpty
        Complete 'Get-SesEventSummary -WorkGroup w -Database d -Table t -Identity ' | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion of the types' {
    It 'offers the event types of Get-SesEvent' {
        (Complete "Get-SesEvent '$store' -EventType Deliv").CompletionText | Should -Be @('Delivery', 'DeliveryDelay')
        @(Complete "Get-SesEvent '$store' -EventType ").Count | Should -Be 10
    }

    It 'offers the bounce types of Get-SesBounce' {
        (Complete "Get-SesBounce '$store' -BounceType ").CompletionText | Should -Be @('Permanent', 'Transient', 'Undetermined')
    }
}
