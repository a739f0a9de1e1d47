# Issue #11, item 11: one wildcard rule everywhere. -Recipient '[ab]*' was an error (ranges could not be "pushed into a
# query") while the same pattern in -Identity went to a regex where '[^a]' meant "not a" and '[]]' failed unexpectedly.
# Every wildcard parameter (-Identity of the query and object commands, -Recipient) now follows PowerShell's own
# WildcardPattern, which the tests take as the reference: what `-like` matches, each command matches, in the local store
# (DuckDB and the event reader), in Athena's SQL (every value still an execution parameter) and in the bucket's listing.

BeforeDiscovery {
    # Each pattern is compared with what -like makes of it, so the list needs no expected values of its own.
    $patterns = @(
        '[ab]*', '[A-C]*', '[!a]*', '[^a]*', '*[0-9]@*', '[a-c][a-z]*@example.net', '?ob@*', '*@example.[no]*', 'x`[1`]@*',
        'x[[]1[]]@*', '[]]*', '*_*', '*%*', "o'*", 'dash[-]y*', 'd[a-]sh*', '*[\]*', '*[*]*', '*[?]*', '*`**', '*`?*', '*[&]*',
        '*.ted@*', '*{1}*', '*[|]*', '*+*', '*[ä]*', 'ÄRGER@*', '[x-z]*', '*', 'alice@example.net', 'ALICE@EXAMPLE.NET', '*@EXAMPLE.ORG',
        'car[o]l@*', '*[.]*', '[a-a]lice*', '*[(]*', 'back?slash*'
    ) | ForEach-Object { @{ Pattern = $_ } }
    $invalid = @('[ab', 'a[', '[c-a]*', '[]', 'x[]') | ForEach-Object { @{ Pattern = $_ } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    Import-Module "$PSScriptRoot/Support/EventObjects.psm1" -Force
    Import-Module "$PSScriptRoot/Support/OfflineDetails.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = '2024-03-08'; To = '2024-03-08' }
    $cloud = @{ WorkGroup = 'ses-analytics'; Database = 'sesanalytics'; Table = 'events' }
    # Names with every character a wildcard, a regex or SQL LIKE treats specially, used as recipients and as identities.
    $names = @(
        'alice@example.net', 'bob@example.net', 'Carol@Example.org', 'dave_1@example.net', 'erin%2@example.net', "o'brien@example.net",
        'x[1]@example.net', 'caret^@example.net', 'dash-y@example.net', 'back\slash@example.net', 'star*@example.net', 'q?mark@example.net',
        'amp&@example.net', 'dot.ted@example.net', 'brace{1}@example.net', 'pipe|@example.net', 'plus+tag@example.net', 'ärger@example.de',
        'paren(1)@example.net', ']bracket@example.net', 'zed@example.net'
    )
    $work = New-TestFolder wildcards
    $store = Join-Path $work 'store'
    $records = foreach ($name in $names) {
        New-SesTestRecord Bounce example.com $name -Timestamp $day.AddHours(9)
        New-SesTestRecord Send $name "to-$([array]::IndexOf($names, $name))@example.com" -Timestamp $day.AddHours(9)
    }
    $imported = $records | Import-SesEvent -Destination $store
    $motoReason = Get-MotoObjectSkipReason
    if (-not $motoReason) {
        $moto = Start-MotoServer
        New-MotoBucket $moto wildcard-events
        $names | ForEach-Object { @{ Key = Get-EventObjectKey $_ Send $day; Line = New-SesTestRecord Send $_ a@example.com -Timestamp $day } } |
            Add-MotoObject $moto wildcard-events
    }

    function Expected([string] $Pattern, [string[]] $Universe = $names) { @($Universe | Where-Object { $_ -like $Pattern } | Sort-Object -Unique -CaseSensitive) }
    function Sorted($Values) { @($Values | Sort-Object -Unique -CaseSensitive) }

    # What an Athena execution parameter matches: it arrives as a quoted SQL literal, and is either a LIKE pattern with
    # '\' escapes (lower() on both sides) or a regex for regexp_like; both are read here as Athena reads them.
    function Test-AthenaMatch([string] $Sql, [string] $Parameter, [string] $Value) {
        $text = $Parameter.Substring(1, $Parameter.Length - 2).Replace("''", "'")
        if ($Sql -match 'regexp_like') { return [regex]::IsMatch($Value, $text) }
        $regex = [Text.StringBuilder]::new('^')
        for ($i = 0; $i -lt $text.Length; $i++) {
            $c = $text[$i]
            if ($c -eq '\') { $null = $regex.Append([regex]::Escape([string]$text[++$i])) }
            elseif ($c -eq '%') { $null = $regex.Append('.*') }
            elseif ($c -eq '_') { $null = $regex.Append('.') }
            else { $null = $regex.Append([regex]::Escape([string]$c)) }
        }
        [regex]::IsMatch($Value, $regex.Append('$').ToString(), 'IgnoreCase, Singleline')
    }
}

AfterAll {
    if ($moto) { Stop-MotoServer $moto }
    Remove-TestFolder $work
}

Describe 'The test store' {
    It 'holds every name as a bounced recipient and as a sender identity' {
        $imported.EventsWritten | Should -Be (2 * $names.Count)
        Sorted (Get-SesBounce $store @range).EmailAddress | Should -Be (Sorted $names)
        Sorted (Get-SesEventSummary $store @range -Total).Identity | Should -Be (Sorted ($names + 'example.com'))
    }
}

Describe 'A wildcard pattern matches what -like matches' {
    It '-Recipient <Pattern> in Get-SesBounce -Path (DuckDB)' -ForEach $patterns {
        $bounces = @(Get-SesBounce $store @range -Recipient $Pattern -ErrorVariable failed)

        $failed | Should -BeNullOrEmpty
        Sorted $bounces.EmailAddress | Should -Be (Expected $Pattern)
    }

    It '-Recipient <Pattern> in Get-SesEvent -Path' -ForEach $patterns {
        $events = @(Get-SesEvent $store @range -EventType Bounce -Recipient $Pattern -ErrorVariable failed)

        $failed | Should -BeNullOrEmpty
        Sorted ($events | ForEach-Object Recipients) | Should -Be (Expected $Pattern)
    }

    It '-Identity <Pattern> in Get-SesEventSummary -Path' -ForEach $patterns {
        $summaries = @(Get-SesEventSummary $store @range -Identity $Pattern -Total -ErrorVariable failed)

        $failed | Should -BeNullOrEmpty
        Sorted $summaries.Identity | Should -Be (Expected $Pattern ($names + 'example.com'))
    }

    It '-Recipient <Pattern> in Athena''s SQL, bound as an execution parameter' -ForEach $patterns {
        $fake = New-AthenaFake
        try {
            $aws = Get-FakeAwsParameters $fake
            Get-SesBounce @cloud -Identity example.com @range -Recipient $Pattern @aws -ErrorVariable failed | Out-Null
            $start = @(Get-AthenaCall $fake StartQueryExecution)
        }
        finally { $fake.Dispose() }

        $failed | Should -BeNullOrEmpty
        $start.Count | Should -Be 1
        $sql = $start[0].QueryString
        $parameter = $start[0].ExecutionParameters[-1]
        ([regex]::Matches($sql, '\?')).Count | Should -Be $start[0].ExecutionParameters.Count
        $sql | Should -Match ([regex]::Escape('(lower(r.emailaddress) LIKE lower(?) ESCAPE ''\'')') + '|' + [regex]::Escape('(regexp_like(r.emailaddress, ?))'))
        if ($Pattern -match '[a-z]{5,}') { $sql | Should -Not -Match ([regex]::Escape($Matches[0])) -Because 'the pattern is a parameter, never SQL text' }
        Sorted ($names | Where-Object { Test-AthenaMatch $sql $parameter $_ }) | Should -Be (Expected $Pattern)
    }

    It '-Identity <Pattern> against the bucket''s identities, for Athena' -ForEach ($patterns | Where-Object { [WildcardPattern]::ContainsWildcardCharacters($_.Pattern) }) {
        # An identity without wildcards is taken as it is, without listing the bucket (see Get-SesBounce's help).
        $fake = New-AthenaFake
        try {
            $fake.BucketIdentities = $names
            $aws = Get-FakeAwsParameters $fake
            Get-SesBounce @cloud @range -Identity $Pattern @aws -ErrorVariable failed | Out-Null
            $start = @(Get-AthenaCall $fake StartQueryExecution)
        }
        finally { $fake.Dispose() }

        $failed | Should -BeNullOrEmpty
        $expected = Expected $Pattern
        if ($expected.Count -eq 0) { $start | Should -BeNullOrEmpty -Because 'Athena is not asked when no identity matches'; return }
        $count = ([regex]::Match($start[0].QueryString, '"sender_identity" IN \(([?, ]+)\)').Groups[1].Value -split ',').Count
        $identities = $start[0].ExecutionParameters[0..($count - 1)] | ForEach-Object { $_.Substring(1, $_.Length - 2).Replace("''", "'") }
        Sorted $identities | Should -Be $expected
    }

    It '-Identity <Pattern> in Get-SesEventObject (moto)' -ForEach $patterns {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $aws = $moto.AwsParameters
        $objects = @(Get-SesEventObject wildcard-events @range -Identity $Pattern @aws -ErrorVariable failed)

        $failed | Should -BeNullOrEmpty
        Sorted $objects.Identity | Should -Be (Expected $Pattern)
    }
}

Describe 'A pattern PowerShell refuses is refused alike by every wildcard parameter' {
    It 'refuses <Pattern>, as -like does, naming it, in every command and parameter' -ForEach $invalid {
        { 'x' -like $Pattern } | Should -Throw -Because 'PowerShell itself refuses it'
        $calls = [ordered]@{
            'Get-SesBounce -Recipient'       = { Get-SesBounce $store @range -Recipient $Pattern }
            'Get-SesBounce -Identity'        = { Get-SesBounce $store @range -Identity $Pattern }
            'Get-SesEvent -Recipient'        = { Get-SesEvent $store @range -Recipient $Pattern }
            'Get-SesEventSummary -Identity'  = { Get-SesEventSummary $store @range -Identity $Pattern }
            'Get-SesEventObject -Identity'   = { Get-SesEventObject some-bucket @range -Identity $Pattern -EndpointUrl 'http://127.0.0.1:9' -AccessKey AKIDEXAMPLE -SecretKey not-a-secret -Region us-east-1 }
        }
        foreach ($call in $calls.GetEnumerator()) {
            $command = $call.Key.Split(' ')[0]
            $run = Invoke-Captured $call.Value

            $errors = $run.Errors
            $errors.Count | Should -Be 1 -Because $call.Key
            $errors[0].FullyQualifiedErrorId | Should -Be "InvalidWildcardPattern,SesAnalytics.Cmdlets.Commands.$($command.Replace('-', ''))Command" -Because $call.Key
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be $Pattern
            $errors[0].Exception.Message | Should -BeLike "The wildcard pattern '$([WildcardPattern]::Escape($Pattern))' is not valid: *"
            ($errors[0] | Out-String) | Should -Not -Match ' at SesAnalytics\.'
            $run.Output | Should -BeNullOrEmpty
        }
    }
}
