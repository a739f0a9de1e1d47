# New-SesSampleEvent: realistic, repeatable SES events, as objects or as the JSON lines SES writes, shaped like AWS's
# example records.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase New-SesSampleEvent -Minimum 3)
    $fixtureTypes = @('Bounce', 'Click', 'Complaint', 'Delivery', 'DeliveryDelay', 'Open', 'Reject', 'RenderingFailure', 'Send', 'Subscription')
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $eventTypes = 'Send', 'Reject', 'Bounce', 'Complaint', 'Delivery', 'Open', 'Click', 'RenderingFailure', 'DeliveryDelay', 'Subscription'
    $defaultIdentities = 'example.com', 'mail.example.org', 'alerts@example.net'
    $work = New-TestFolder new-sessampleevent

    function Get-Day { param($Timestamp) $Timestamp.ToUniversalTime().ToString('yyyy-MM-dd') }
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'New-SesSampleEvent objects' {
    BeforeAll {
        $events = @(New-SesSampleEvent -Count 50 -Seed 7)
    }

    It 'returns as many events as asked, of the ten SES types, from the default identities' {
        $events.Count | Should -Be 50
        foreach ($event in $events) {
            "$($event.EventType)" | Should -BeIn $eventTypes
            $event.Identity | Should -BeIn $defaultIdentities
            $event.MessageId | Should -Match '^0100[0-9a-f]{12}-'
            Get-Day $event.Timestamp | Should -Match '^\d{4}-\d{2}-\d{2}$'
            $event.Recipients | Should -Not -BeNullOrEmpty
            $event.Mail | Should -Not -BeNullOrEmpty
        }
    }

    It 'has the properties a user filters on' {
        foreach ($property in 'Timestamp', 'Identity', 'EventType', 'MessageId', 'Recipients', 'Subject', 'Source', 'ConfigurationSet', 'Mail', 'Json') {
            $events[0].PSObject.Properties.Name | Should -Contain $property
        }
        $events | Where-Object { $_.EventType -eq 'Send' -and $_.Identity -like '*.example.org' } | Should -Not -BeNullOrEmpty
    }

    It 'gives every event of a message its message id, after the message was sent' {
        foreach ($message in $events | Group-Object MessageId) {
            $send = $message.Group | Where-Object EventType -EQ 'Send'
            if (-not $send) { continue }
            $message.Group | ForEach-Object { $_.Timestamp | Should -BeGreaterOrEqual $send.Timestamp }
        }
    }
}

Describe 'New-SesSampleEvent -AsJson' {
    It 'returns one line of JSON per record' {
        $lines = @(New-SesSampleEvent -Count 50 -Seed 7 -AsJson)

        $lines.Count | Should -Be 50
        foreach ($line in $lines) {
            $line | Should -BeOfType [string]
            $line | Should -BeLike '{"eventType":"*'
            $line | Should -Not -Match "`n"
            { $line | ConvertFrom-Json } | Should -Not -Throw
        }
    }

    It 'writes every field of AWS''s example <_> record' -ForEach $fixtureTypes {
        $reason = Get-SharedSkipReason
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $example = Get-Content -Raw -LiteralPath (Join-Path (Get-SharedRoot) "fixtures/ses-events/$_.json") | ConvertFrom-Json
        $sample = New-SesSampleEvent -Count 5000 -Seed 7 -AsJson | ConvertFrom-Json | Where-Object eventType -EQ $example.eventType | Select-Object -First 1

        $sample | Should -Not -BeNullOrEmpty -Because "5000 events should hold a $($example.eventType)"
        $detail = $example.PSObject.Properties.Name | Where-Object { $_ -notin 'eventType', 'mail' }
        $sample.PSObject.Properties.Name | Sort-Object | Should -Be ($example.PSObject.Properties.Name | Sort-Object)
        $example.mail.PSObject.Properties.Name | ForEach-Object { $sample.mail.PSObject.Properties.Name | Should -Contain $_ }
        $example.$detail.PSObject.Properties.Name | ForEach-Object { $sample.$detail.PSObject.Properties.Name | Should -Contain $_ }
        $sample.mail.tags.'ses:sender-identity'[0] | Should -BeIn $defaultIdentities
    }
}

Describe 'New-SesSampleEvent settings' {
    It 'gives the same events for the same seed, and the JSON of the objects is the JSON lines' {
        $a = New-SesSampleEvent -Count 30 -Seed 3 -StartDate 2024-03-01 -Days 2 -AsJson
        $b = New-SesSampleEvent -Count 30 -Seed 3 -StartDate 2024-03-01 -Days 2 | ForEach-Object Json
        $c = New-SesSampleEvent -Count 30 -Seed 4 -StartDate 2024-03-01 -Days 2 -AsJson

        ($a -join "`n") | Should -BeExactly ($b -join "`n")
        ($a -join "`n") | Should -Not -Be ($c -join "`n")
    }

    It 'spreads the events over -Days days from -StartDate, sent by the given identities' {
        $events = @(New-SesSampleEvent -Count 200 -StartDate 2024-03-01 -Days 2 -Identity 'news.example', 'ops@corp.example')

        $events.Count | Should -Be 200
        $events | ForEach-Object { Get-Day $_.Timestamp } | Sort-Object -Unique | Should -Be @('2024-03-01', '2024-03-02')
        $events.Identity | Sort-Object -Unique | Should -Be @('news.example', 'ops@corp.example')
    }

    It 'takes only the date of -StartDate, as a UTC day' {
        $events = @(New-SesSampleEvent -Count 20 -StartDate '2024-03-01T23:30:00' -Days 1)

        $events | ForEach-Object { Get-Day $_.Timestamp } | Sort-Object -Unique | Should -Be '2024-03-01'
    }

    It 'makes a thousand events over the seven days that end today by default' {
        $today = (Get-Date).ToUniversalTime().Date
        $first = $today.AddDays(-6).ToString('yyyy-MM-dd')
        # A run that straddles midnight UTC may end a day later.
        $last = $today.AddDays(1).ToString('yyyy-MM-dd')

        $days = New-SesSampleEvent | ForEach-Object { Get-Day $_.Timestamp }

        $days.Count | Should -Be 1000
        $days | ForEach-Object { $_ | Should -BeGreaterOrEqual $first; $_ | Should -BeLessOrEqual $last }
    }

    It 'makes nothing with -Count 0' {
        New-SesSampleEvent -Count 0 | Should -BeNullOrEmpty
    }

    It 'makes nothing with -WhatIf' {
        New-SesSampleEvent -Count 10 -WhatIf | Should -BeNullOrEmpty
        New-SesSampleEvent -Count 10 -AsJson -WhatIf | Should -BeNullOrEmpty
    }

    It 'refuses a negative count' {
        $output = $null
        $err = { $output = New-SesSampleEvent -Count -1 } | Should -Throw -PassThru

        $output | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,SesAnalytics.Cmdlets.Commands.NewSesSampleEventCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -BeLike "*parameter 'Count'*-1*less than the minimum allowed range of 0*"
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }

    It 'refuses an empty identity and a day count out of range' {
        { New-SesSampleEvent -Identity '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { New-SesSampleEvent -Days 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'stops promptly when the pipeline is stopped' {
        $marker = Join-Path $work "running-$([guid]::NewGuid().ToString('N'))"
        $running = { Test-Path -LiteralPath $marker }.GetNewClosure()
        $script = "New-SesSampleEvent -Count 100000000 -AsJson | ForEach-Object -Begin { `$n = 0 } -Process { if (++`$n -eq 1000) { New-Item -ItemType File -Path '$marker' | Out-Null } }"

        $run = Invoke-HostedPipeline -Script $script -StopWhen $running

        $run.StoppedEarly | Should -BeTrue
        $run.StopTook.TotalSeconds | Should -BeLessThan 5
        $run.Terminating | ForEach-Object { $_.GetType().Name | Should -Match 'PipelineStopped' }
    }
}

Describe 'New-SesSampleEvent output' {
    BeforeAll {
        $events = New-SesSampleEvent -Count 300 -Seed 7 -StartDate 2024-03-01 -Days 1
    }

    It 'shows one table of all event types at 80 columns' {
        $text = $events | Format-Table | Out-String -Width 80
        foreach ($column in 'Timestamp', 'Identity', 'EventType') { $text | Should -Match $column }
        ([regex]::Matches($text, 'Timestamp')).Count | Should -Be 1 -Because 'every event type shares the one view'
        $text | Should -Match '2024-03-01'
    }

    It 'shows the time, type, identity, recipient and message at 120 columns' {
        $text = Assert-ViewText $events -Width 120 -Match 'Timestamp\s+EventType\s+Identity\s+Recipient\s+MessageId' -PassThru
        ([regex]::Matches($text, 'Timestamp')).Count | Should -Be 1
    }

    It 'shows the event as a list' {
        $text = $events[0] | Format-List | Out-String -Width 80
        foreach ($property in 'EventType', 'Identity', 'MessageId', 'Timestamp', 'Recipients', 'Subject') { $text | Should -Match "$property\s*:" }
    }
}

Describe 'New-SesSampleEvent help examples' {
    It 'runs <Title>' -ForEach $examples {
        $output = @(& ([scriptblock]::Create($Code)) 2>&1)

        $output | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
        if ($Code -match '-AsJson') {
            $records = $output | ConvertFrom-Json -DateKind String
            $records.Count | Should -Be 100
            $records | ForEach-Object { $_.mail.timestamp.Substring(0, 10) | Should -Be '2024-03-01' }
            $records.mail.tags.'ses:sender-identity' | Sort-Object -Unique | Should -Be @('alerts@example.net', 'example.com')
        }
        elseif ($Code -match 'BouncedRecipients') {
            $output | ForEach-Object { $_.EmailAddress | Should -Match '@'; $_.Status | Should -Match '^5\.' }
        }
        else {
            $output.Count | Should -Be 20
            ($output | Format-Table | Out-String -Width 120) | Should -Match 'MessageId'
        }
    }
}
