# The module's PowerShell-native surface (issue #11 items 2-4): types a user can name, [datetime] everywhere, default
# views that fit an 80-column CI log, list views, short ToString, flat Export-Csv columns.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $store = New-TestFolder surface
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $recipients = 1..6 | ForEach-Object { "person.$_@example.net" }
    Add-StoreObject $store mail.example.com Send $day ($recipients | ForEach-Object { New-SesTestRecord Send mail.example.com $_ -Timestamp $day.AddHours(9) }) | Out-Null
    Add-StoreObject $store mail.example.com Bounce $day ($recipients | Select-Object -First 2 | ForEach-Object { New-SesTestRecord Bounce mail.example.com $_ -Timestamp $day.AddHours(9) }) | Out-Null
    Add-StoreObject $store mail.example.com Complaint $day (New-SesTestRecord Complaint mail.example.com $recipients[5] -Timestamp $day.AddHours(10)) | Out-Null
    $range = @{ From = $day; To = $day }
    $bounce = Get-SesBounce $store @range | Select-Object -First 1
    # A handful of recipients: judged at every volume, so the view shows a status other than LowVolume.
    $summary = Get-SesEventSummary $store @range -Total -MinimumBounceVolume 0 -MinimumComplaintVolume 0
    $events = @(Get-SesEvent $store @range)
}

AfterAll { Remove-TestFolder $store }

Describe 'Types a user can name' {
    It 'resolves [SesAnalytics.<name>] for outputs, their parts and enums' {
        [SesAnalytics.BounceRecord] | Should -Not -BeNullOrEmpty
        [SesAnalytics.SesEventType]::Bounce | Should -Be 'Bounce'
        [SesAnalytics.ReputationStatus]::AtRisk | Should -Be 'AtRisk'
        $bounce -is [SesAnalytics.BounceRecord] | Should -BeTrue
        $events[0] -is [SesAnalytics.SesEvent] | Should -BeTrue
    }

    It 'shows the short name to Get-Member, first in PSTypeNames' {
        ($bounce | Get-Member)[0].TypeName | Should -Be 'SesAnalytics.BounceRecord'
        ($events | Where-Object EventType -eq Bounce)[0].PSTypeNames[0..1] | Should -Be @('SesAnalytics.BounceEvent', 'SesAnalytics.SesEvent')
    }

    It 'names its outputs by their .NET type alone, so an object the user builds is the same' {
        [SesAnalytics.BounceRecord].FullName | Should -Be 'SesAnalytics.BounceRecord'
        $bounce.PSTypeNames | Should -Be @('SesAnalytics.BounceRecord', 'System.Object')
        $events[0].Mail.PSTypeNames[0] | Should -Be 'SesAnalytics.MailInfo'
        $built = [SesAnalytics.SuppressionSummary]::new(1, 0, 0, 0, 0)
        ($built | Format-Table | Out-String) | Should -Match '(?m)^\s*Added\s+Updated\s+AlreadySuppressed'
    }

    It 'lets catch [SesAnalytics.SesAnalyticsException] catch the module''s errors' {
        $caught = $null
        try { Get-SesBounce -Path (Join-Path $store 'no-such-store') -ErrorAction Stop }
        catch [SesAnalytics.SesAnalyticsException] { $caught = $_.Exception.ErrorId }
        $caught | Should -Be 'StoreNotFound'
    }

    It 'declares its output types under the short names' {
        (Get-Command Get-SesBounce).OutputType.Name | Should -Be 'SesAnalytics.BounceRecord'
        (Get-Command Get-SesEvent).OutputType.Name | Should -Be 'SesAnalytics.SesEvent'
    }

    It 'still loads its AWS SDK and DuckDB only in its own load context' {
        $duck = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'DuckDB.NET.Data' }
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($duck).Name | Should -Be 'SesAnalytics'
    }
}

Describe 'Dates are [datetime] in UTC' {
    It 'gives days as midnight UTC [datetime]' {
        $bounce.Day | Should -BeOfType [datetime]
        $bounce.Day.Kind | Should -Be 'Utc'
        $bounce.Day | Should -Be $day
        $bounce.Day -eq [datetime]'2024-03-08' | Should -BeTrue
        $summary.From | Should -BeOfType [datetime]
        $events[0].Timestamp | Should -BeOfType [datetime]
        $events[0].Timestamp.Kind | Should -Be 'Utc'
    }

    It 'feeds the module''s own -From and -To' {
        @(Get-SesBounce $store -From $bounce.Day -To $bounce.Day).Count | Should -Be 2
    }

    It 'works with PowerShell date idioms' {
        { $bounce | Where-Object { $_.Day -ge (Get-Date).Date.AddYears(-100) } } | Should -Not -Throw
        ($bounce | ConvertTo-Json | ConvertFrom-Json -AsHashtable).Day | Should -BeOfType [datetime]
        $bounce | ConvertTo-Json | Should -Match '"Day": "2024-03-08T00:00:00Z"'
    }
}

Describe 'Default views at 80 columns' {
    BeforeDiscovery {
        $cases = @(
            @{ Name = 'BounceRecord'; Script = { $bounce }; Columns = 'Day', 'Identity', 'EmailAddress', 'Type', 'SubType', 'Status' }
            @{ Name = 'EventSummary total'; Script = { $summary }; Columns = 'Day', 'Group', 'Sent', 'Bounced', 'Compl.', 'Bounce%', 'Compl%', 'Status' }
            @{ Name = 'SesEvent'; Script = { $events }; Columns = 'Timestamp', 'EventType', 'Identity', 'Recipient', 'MessageId' }
            @{ Name = 'AwsContextSummary'; Script = { Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDSURFACE000012345 -SecretKey s }; Columns = 'Region', 'RegionSource', 'CredentialSource', 'AccessKeyId' }
        )
    }

    It '<Name> shows its key columns whole, in lines of at most 80 characters' -ForEach $cases {
        $text = & $Script | Format-Table | Out-String -Width 80
        $lines = $text -split "`r?`n" | Where-Object { $_ }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $header = @($lines)[0] -split '\s+' | Where-Object { $_ }
        $header | Should -Be $Columns
        $wide = & $Script | Format-Table | Out-String -Width 120
        ($wide -split "`r?`n" | Where-Object { $_ })[0] -split '\s+' | Where-Object { $_ } | Should -Be $Columns
    }

    It 'shows rates as percentages and the range of a total' {
        $text = $summary | Out-String -Width 80
        $text | Should -Match '03-08\.\.03-08'
        $text | Should -Match '33\.33%'
        $text | Should -Match 'AtRisk'
    }

    It 'shows the whole message id and the recipient of an event' {
        $text = $events | Where-Object EventType -eq Complaint | Out-String -Width 80
        ($text -replace '\s', '') | Should -Match ([regex]::Escape("message-$($recipients[5])"))
        $text | Should -Match 'Complaint'
    }

    It 'shows the whole masked access key id' {
        Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDSURFACE000012345 -SecretKey s | Out-String -Width 80 | Should -Match '\*+2345'
    }
}

Describe 'List views and ToString' {
    It 'lists an event with its detail in one line, not a record dump' {
        $text = $events | Where-Object EventType -eq Bounce | Select-Object -First 1 | Format-List | Out-String -Width 120
        $text | Should -Match 'Detail\s+: Permanent/General: person\.1@example\.net 5\.1\.1 smtp; 550 5\.1\.1 user unknown'
        $text | Should -Not -Match 'List`1|BounceInfo \{|"eventType"'
    }

    It 'gives every output a short string' {
        "$bounce" | Should -Be 'person.1@example.net Permanent/General 2024-03-08'
        "$summary" | Should -Be 'mail.example.com 2024-03-08..2024-03-08: AtRisk'
        "$($events[0])".Length | Should -BeLessThan 200
    }

    It 'exports events to CSV as flat columns' {
        $events | Export-Csv -Path (Join-Path $store "events.csv") -NoTypeInformation
        $text = Get-Content -Raw (Join-Path $store 'events.csv')
        $text | Should -Not -Match 'System\.Collections|SesAnalytics\.Engine'
        $rows = Import-Csv (Join-Path $store 'events.csv')
        ($rows | Where-Object EventType -eq Complaint).Recipients | Should -Be $recipients[5]
        ($rows | Where-Object EventType -eq Bounce)[0].Detail | Should -Match '^Permanent/General: '
    }
}
