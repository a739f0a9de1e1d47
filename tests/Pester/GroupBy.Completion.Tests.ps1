# Tab completion of -GroupBy (the keys, and Tag:<name> for the tag names in the store's newest objects) and
# -ConfigurationSet (the store's configuration sets) on Get-SesEventSummary and Test-SesReputation, through
# TabExpansion2 as the console asks for it.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Breakdowns.psm1" -Force
    Import-SesAnalyticsModule

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    $store = New-TestFolder groupby-completion
    $day = [datetime]'2024-03-08'
    $null = New-BreakdownStore $store $day
    Add-StoreObject $store c.example Send $day @(New-BreakdownRecord Send c.example a@example.net -Tag @{ 'Team Name' = 'x'; 'ses:configuration-set' = "o'neil" }) | Out-Null
    Add-StoreObject $store d.example Send $day @('not json', '{"eventType":"Send"}') | Out-Null
}

AfterAll { Remove-TestFolder $store }

Describe 'Tab completion of -GroupBy' {
    It 'offers the keys and the store''s tags for <_>' -ForEach 'Get-SesEventSummary', 'Test-SesReputation' {
        (Complete "$_ -Path '$store' -GroupBy ").CompletionText |
            Should -Be @('Identity', 'ConfigurationSet', 'RecipientDomain', 'FromDomain', 'Tag:campaign', "'Tag:Team Name'")
    }

    It 'offers what starts with the typed text, without case' {
        (Complete "Get-SesEventSummary '$store' -GroupBy rec").CompletionText | Should -Be 'RecipientDomain'
        (Complete "Get-SesEventSummary '$store' -GroupBy tag:c").CompletionText | Should -Be 'Tag:campaign'
        (Complete "Get-SesEventSummary '$store' -GroupBy Identity, c").CompletionText | Should -Be 'ConfigurationSet'
    }

    It 'offers the keys alone without a store, or in the cloud sets' {
        (Complete 'Get-SesEventSummary -StackName ses-analytics -GroupBy ').CompletionText |
            Should -Be @('Identity', 'ConfigurationSet', 'RecipientDomain', 'FromDomain')
        (Complete "Get-SesEventSummary -Path '$store/missing' -GroupBy T").CompletionText | Should -BeNullOrEmpty
    }

    It 'samples a big store in well under a second' {
        $big = New-TestFolder groupby-completion-big
        try {
            $line = New-BreakdownRecord Send big.example a@example.net -Tag @{ campaign = 'x' }
            foreach ($i in 1..40) { Add-StoreObject $big "id$i.example" Send $day @(, $line * 500) | Out-Null }
            $null = Complete "Get-SesEventSummary '$big' -GroupBy "

            $took = Measure-Command { $offered = Complete "Get-SesEventSummary '$big' -GroupBy " }

            $offered.CompletionText | Should -Contain 'Tag:campaign'
            $took.TotalSeconds | Should -BeLessThan 1
        }
        finally { Remove-TestFolder $big }
    }
}

Describe 'Tab completion of -ConfigurationSet' {
    It 'offers the store''s configuration sets, quoted where needed, for <_>' -ForEach 'Get-SesEventSummary', 'Test-SesReputation' {
        (Complete "$_ -Path '$store' -ConfigurationSet ").CompletionText | Should -Be @('marketing', "'o''neil'", 'transactional')
        (Complete "$_ -Path '$store' -ConfigurationSet TR").CompletionText | Should -Be 'transactional'
    }
}
