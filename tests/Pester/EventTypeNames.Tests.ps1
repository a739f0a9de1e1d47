# Event type names (issue #11 item 5): every command that takes event types takes SES's name ('Rendering Failure')
# and the enum's (RenderingFailure), in any case; Tab offers SES's names, quoted where they hold a space; only names
# are taken (no "7", no "Bounce, Open"), and a wrong one is refused before any AWS call, naming the right ones.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    # Every command with an -EventType, found rather than listed, so that a new one is held to the same rule.
    $commands = @(Get-Command -Module SesAnalytics | Where-Object { $_.Parameters.ContainsKey('EventType') } | ForEach-Object { @{ Name = $_.Name } })
    if ($commands.Count -lt 4) { throw "Only $($commands.Count) SesAnalytics commands take -EventType; expected at least 4." }
    $spellings = @(
        @{ Spelling = 'Rendering Failure'; How = 'SES''s name' }
        @{ Spelling = 'RenderingFailure'; How = 'the enum''s name' }
        @{ Spelling = 'rendering failure'; How = 'SES''s name in lower case' }
        @{ Spelling = 'RENDERINGFAILURE'; How = 'the enum''s name in upper case' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes

    $sesNames = 'Send', 'Reject', 'Bounce', 'Complaint', 'Delivery', 'Open', 'Click', 'Rendering Failure', 'DeliveryDelay', 'Subscription'
    $listed = "Send, Reject, Bounce, Complaint, Delivery, Open, Click, 'Rendering Failure', DeliveryDelay, Subscription"
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = $day; To = $day }

    # A store with one event of each of three types, the Rendering Failure one in the folder SES's name gives it.
    $store = New-TestFolder event-type-names
    foreach ($type in 'Bounce', 'Open', 'Rendering Failure') {
        Add-StoreObject $store mail.example.com $type $day @(New-SesTestRecord $type mail.example.com "$($type -replace ' ').person@example.net" -Timestamp $day.AddHours(9)) | Out-Null
    }

    # The same three in the S3 fake, for the event object commands.
    $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
    $fake = Get-FakeAwsParameters $s3
    foreach ($type in 'Bounce', 'Open', 'Rendering Failure') {
        $s3.Put("partitioned/mail.example.com/$type/2024/03/08/ses-1-2024-03-08-09-00-00-$($type -replace ' ').gz", [string[]] @(New-SesTestRecord $type mail.example.com person@example.net))
    }

    # What Tab offers at the end of $Line, as the console asks TabExpansion2.
    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    $s3.Dispose()
    Remove-TestFolder $store
}

Describe 'Get-SesEvent takes <How>' -ForEach $spellings {
    It 'by position: Get-SesEvent <store> ''<Spelling>''' {
        $events = @(Get-SesEvent $store $Spelling @range)

        $events.Count | Should -Be 1
        "$($events[0].EventType)" | Should -Be 'RenderingFailure'
        $events[0].Recipients | Should -Be 'RenderingFailure.person@example.net'
    }

    It 'by name, in a list with another type, and splatted' {
        $named = @(Get-SesEvent -Path $store -EventType $Spelling, 'bounce' @range)
        $splat = @{ Path = $store; EventType = $Spelling }
        $splatted = @(Get-SesEvent @splat @range)

        @($named | ForEach-Object { "$($_.EventType)" } | Sort-Object) | Should -Be @('Bounce', 'RenderingFailure')
        $splatted.Count | Should -Be 1
    }
}

Describe 'Get-SesEvent -EventType' {
    It 'takes the enum value itself' {
        @(Get-SesEvent $store ([SesAnalytics.SesEventType]::RenderingFailure) @range).Count | Should -Be 1
    }

    It 'takes it from $PSDefaultParameterValues' {
        $PSDefaultParameterValues['Get-SesEvent:EventType'] = 'Rendering Failure'
        try { @(Get-SesEvent $store @range).Count | Should -Be 1 }
        finally { $PSDefaultParameterValues.Remove('Get-SesEvent:EventType') }
    }
}

Describe '<Name> refuses what is not an event type name' -ForEach $commands {
    BeforeDiscovery {
        $wrong = @(
            @{ Value = '7'; Shown = '7'; Why = 'a number as text' }
            @{ Value = 7; Shown = '7'; Why = 'a number' }
            @{ Value = 'Bounce, Open'; Shown = 'Bounce, Open'; Why = 'two names in one text, which an enum would OR together' }
            @{ Value = 'Sent'; Shown = 'Sent'; Why = 'a misspelt name' }
            @{ Value = 'Rendering_Failure'; Shown = 'Rendering_Failure'; Why = 'the SES v2 API''s spelling' }
        )
    }

    BeforeAll {
        $required = switch ($Name) {
            'Get-SesEvent' { @{ Path = $store } }
            'Set-SesConfigSetDestination' { @{ ConfigurationSetName = 'marketing'; StackName = 'ses-analytics' } }
            default { @{ BucketName = 'ses-events' } }
        }
        if ($Name -eq 'Save-SesEventObject') { $required['Destination'] = Join-Path $store 'saved' }
    }

    It 'refuses <Why> before any AWS call, naming SES''s names' -ForEach $wrong {
        $before = $s3.Requests.Count
        $err = $null
        try { & $Name @required -EventType $Value @fake -ErrorAction Stop } catch { $err = $_ }

        $err | Should -Not -BeNullOrEmpty
        Assert-ErrorRecord $err -Id 'ParameterArgumentTransformationError' -Category InvalidData -MessageLike "*'$Shown' is not an SES event type. Use one of: $listed.*"
        $s3.Requests.Count | Should -Be $before
    }

    It 'refuses an empty name and an empty list' {
        { & $Name @required -EventType '' @fake -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        { & $Name @required -EventType @() @fake -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'declares the one transformation and the one completer of the module' {
        $parameter = (Get-Command $Name).Parameters['EventType']
        $parameter.ParameterType | Should -Be ([string[]]) -Because 'an enum parameter is completed from the enum''s names, before any completer'
        @($parameter.Attributes | ForEach-Object { $_.GetType().Name }) | Should -Contain 'SesEventTypeArgumentAttribute'
        ($parameter.Attributes | Where-Object { $_ -is [ArgumentCompleter] }).Type.Name | Should -Be 'SesEventTypeCompleter'
        @($parameter.Attributes | Where-Object { $_ -is [ValidateSet] }) | Should -BeNullOrEmpty
    }
}

Describe 'Get-SesEventObject takes <How>' -ForEach $spellings {
    It 'lists the Rendering Failure objects under SES''s folder name' {
        $found = @(Get-SesEventObject ses-events -EventType $Spelling @range @fake)

        $found.Count | Should -Be 1
        $found[0].EventType | Should -Be 'Rendering Failure'
        $found[0].Key | Should -BeLike 'partitioned/mail.example.com/Rendering Failure/2024/03/08/*'
    }
}

Describe 'Save-SesEventObject takes <How>' -ForEach $spellings {
    It 'copies the Rendering Failure object only' {
        $saved = Join-Path $store "saved-$($Spelling -replace ' ', '-')"

        $summary = Save-SesEventObject -BucketName ses-events -Destination $saved -EventType $Spelling @range @fake

        $summary.ObjectsCopied | Should -Be 1
        @(Get-ChildItem -LiteralPath (Join-Path $saved 'partitioned/mail.example.com') -Directory).Name | Should -Be 'Rendering Failure'
    }
}

Describe 'Set-SesConfigSetDestination takes both spellings' {
    BeforeAll {
        $aws = New-CloudFormationFake
        $aws.Exists = $true
        $fakeAws = Get-FakeAwsParameters $aws
    }
    AfterAll { $aws.Dispose() }

    It 'publishes Rendering Failure for ''<_>''' -ForEach 'Rendering Failure', 'renderingFailure' {
        $wired = Set-SesConfigSetDestination marketing -StackName ses-analytics -EventType $_, Bounce @fakeAws

        @($wired.EventTypes | ForEach-Object ToString) | Should -Be @('RenderingFailure', 'Bounce')
        ($aws.Ses.Destinations['marketing/sesanalytics-firehose'] | ConvertFrom-Json).MatchingEventTypes | Should -Be @('RENDERING_FAILURE', 'BOUNCE')
    }
}

Describe 'Tab completion of -EventType on <Name>' -ForEach $commands {
    BeforeAll {
        $prefix = switch ($Name) {
            'Get-SesEvent' { "Get-SesEvent -Path '$store'" }
            'Set-SesConfigSetDestination' { 'Set-SesConfigSetDestination marketing -StackName ses-analytics' }
            default { "$Name -BucketName ses-events" }
        }
    }

    It 'offers SES''s ten names in SES''s order, the one with a space quoted' {
        $offered = @(Complete "$prefix -EventType ")

        $offered.ListItemText | Should -Be $sesNames
        ($offered | Where-Object ListItemText -eq 'Rendering Failure').CompletionText | Should -Be "'Rendering Failure'"
        $offered | ForEach-Object { $_.ResultType | Should -Be 'ParameterValue' }
    }

    It 'completes <Typed> to <Expected>' -ForEach @(
        @{ Typed = 'Rend'; Expected = "'Rendering Failure'" }
        @{ Typed = 'renderingf'; Expected = "'Rendering Failure'" }
        @{ Typed = "'Rendering F"; Expected = "'Rendering Failure'" }
        @{ Typed = '"rend'; Expected = '"Rendering Failure"' }
        @{ Typed = 'deliveryd'; Expected = 'DeliveryDelay' }
    ) {
        (Complete "$prefix -EventType $Typed").CompletionText | Should -Be $Expected
    }

    It 'offers the names that start with what is typed, after a comma too' {
        (Complete "$prefix -EventType Deliv").CompletionText | Should -Be @('Delivery', 'DeliveryDelay')
        (Complete "$prefix -EventType Bounce, Comp").CompletionText | Should -Be 'Complaint'
        Complete "$prefix -EventType X" | Should -BeNullOrEmpty
    }
}

Describe 'What Tab completes runs' {
    It 'Get-SesEvent <store> <Tab> gives a command that returns the Rendering Failure event' {
        $completed = (Complete "Get-SesEvent '$store' Rend").CompletionText
        $completed | Should -Be "'Rendering Failure'"

        $events = @(Invoke-Expression "Get-SesEvent '$store' $completed -From 2024-03-08 -To 2024-03-08")
        $events.Count | Should -Be 1
    }
}
