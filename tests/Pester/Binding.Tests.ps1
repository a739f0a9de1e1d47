# Pipeline and parameter binding (issue #11 item 9), as a user pipes and types: a store as text or a folder object into
# the query commands, objects naming a stack and a message id into Get-SesEvent, Import-SesEvent with a positional
# destination, the lines of a pretty-printed file from Get-Content, the records of ConvertFrom-Json, and the SQL of
# Read-SesEventObject before the piped paths.

BeforeDiscovery {
    $queries = @(
        @{ Command = 'Get-SesBounce'; Count = { param($rows) @($rows).Count }; Expected = 2 }
        @{ Command = 'Get-SesEvent'; Count = { param($rows) @($rows).Count }; Expected = 5 }
        @{ Command = 'Get-SesEventSummary'; Count = { param($rows) ($rows | Measure-Object Sends -Sum).Sum }; Expected = 3 }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Deployment.psm1" -Force
    Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes

    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = $day; To = $day }
    $root = New-TestFolder binding

    # Three sends, two bounces, as one store: 5 events, 2 bounced recipients, 3 sends.
    function New-Store([string] $Path) {
        $recipients = 'a@example.net', 'b@example.net', 'c@example.net'
        Add-StoreObject $Path mail.example.com Send $day @($recipients | ForEach-Object { New-SesTestRecord Send mail.example.com $_ -Timestamp $day.AddHours(8) }) | Out-Null
        Add-StoreObject $Path mail.example.com Bounce $day @($recipients[0..1] | ForEach-Object { New-SesTestRecord Bounce mail.example.com $_ -Timestamp $day.AddHours(9) }) | Out-Null
        $Path
    }
    $store = New-Store (Join-Path $root 'store')
    $second = New-Store (Join-Path $root 'second')

    # Records as a pretty-printing tool writes them, one property per line (AWS's examples look like this).
    $records = @(
        New-SesTestRecord Bounce mail.example.com pretty.one@example.net -Timestamp $day.AddHours(10)
        New-SesTestRecord Delivery mail.example.com pretty.two@example.net -Timestamp $day.AddHours(11)
    )
    $prettyOne = Join-Path $root 'one.json'
    $records[0] | ConvertFrom-Json | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $prettyOne
    $prettyArray = Join-Path $root 'array.json'
    $records | ConvertFrom-Json | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $prettyArray
    $jsonLines = Join-Path $root 'events.jsonl'
    $records | Set-Content -LiteralPath $jsonLines

    # A fresh destination under the test folder.
    function New-Destination([string] $Name) { Join-Path $root "$Name-$([guid]::NewGuid().ToString('N').Substring(0, 6))" }
}

AfterAll { Remove-TestFolder $root }

Describe '<Command> takes the store from the pipeline' -ForEach $queries {
    It 'as text: ''./store'' | <Command>' {
        Push-Location $root
        try { $rows = './store' | & $Command @range }
        finally { Pop-Location }

        & $Count $rows | Should -Be $Expected
    }

    It 'as a folder: Get-Item ./store | <Command>' {
        $rows = Get-Item -LiteralPath $store | & $Command @range

        & $Count $rows | Should -Be $Expected
    }

    It 'as a path object: Resolve-Path | <Command>, and as -Path (Get-Item)' {
        (& $Count (Resolve-Path -LiteralPath $store | & $Command @range)) | Should -Be $Expected
        (& $Count (& $Command -Path (Get-Item -LiteralPath $store) @range)) | Should -Be $Expected
    }

    It 'one store after another: two folders piped give the rows of both' {
        $rows = Get-Item -LiteralPath $store, $second | & $Command @range

        & $Count $rows | Should -Be (2 * $Expected)
    }

    It 'still by the Destination of an import summary' {
        $imported = New-Destination imported
        $rows = Get-Content -LiteralPath $jsonLines | Import-SesEvent -Destination $imported | & $Command @range

        @($rows).Count | Should -BeGreaterThan 0
    }

    It 'refuses an object that names no store, without reading one' {
        $rows = Get-Date | & $Command @range -ErrorAction SilentlyContinue -ErrorVariable errors

        $rows | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*'
    }
}

Describe 'Get-SesEvent with records piped' {
    It 'still asks for a store when a bounce record is piped without -Path, instead of reading its text as one' {
        Get-SesBounce $store @range | Get-SesEvent @range -ErrorAction SilentlyContinue -ErrorVariable errors | Should -BeNullOrEmpty

        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectMissingMandatory,*'
        "$($errors[0])" | Should -Match 'Path'
    }

    It 'binds an object with a StackName and a MessageId to the stack set' {
        $fake = New-AthenaFake
        try {
            $aws = Get-FakeAwsParameters $fake
            $piped = [pscustomobject]@{ StackName = 'ses-analytics'; MessageId = 'm-1' }, [pscustomobject]@{ StackName = 'ses-analytics'; MessageId = 'm-2' }

            $piped | Get-SesEvent @range @aws -ErrorAction Stop

            $start = @(Get-AthenaCall $fake StartQueryExecution)
            $start.Count | Should -Be 1 -Because 'the piped message ids of one stack are asked for in one query'
            $start[0].WorkGroup | Should -Be 'stack-wg'
            $start[0].ExecutionParameters | Should -Contain "'m-1'"
            $start[0].ExecutionParameters | Should -Contain "'m-2'"
        }
        finally { $fake.Dispose() }
    }

    It 'binds the rows of a CSV with StackName and MessageId columns the same way' {
        $fake = New-AthenaFake
        try {
            $aws = Get-FakeAwsParameters $fake
            $csv = Join-Path $root 'messages.csv'
            "StackName,MessageId`nses-analytics,m-9" | Set-Content -LiteralPath $csv

            Import-Csv -LiteralPath $csv | Get-SesEvent @range @aws -ErrorAction Stop

            (Get-AthenaCall $fake StartQueryExecution)[0].ExecutionParameters | Should -Contain "'m-9'"
        }
        finally { $fake.Dispose() }
    }
}

Describe 'Import-SesEvent -Destination by position' {
    It 'Import-SesEvent <file> <store>' {
        $destination = New-Destination positional
        $summary = Import-SesEvent $jsonLines $destination

        $summary.EventsWritten | Should -Be 2
        $summary.Destination | Should -Be $destination
        (Get-Command Import-SesEvent).Parameters['Destination'].ParameterSets.Values.Position | Sort-Object -Unique | Should -Be 1
    }

    It 'Import-SesEvent -LiteralPath <file> <store>' {
        (Import-SesEvent -LiteralPath $jsonLines (New-Destination literal)).EventsWritten | Should -Be 2
    }
}

Describe 'Import-SesEvent with Get-Content of a pretty-printed file (one line per pipeline item)' {
    It 'puts a document back together and imports it as one record' {
        $destination = New-Destination pretty
        $all = Get-Content -LiteralPath $prettyOne | Import-SesEvent -Destination $destination -ErrorVariable errors -Verbose 4>&1
        $summary = $all | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }

        $errors | Should -BeNullOrEmpty
        $summary.LinesRead | Should -Be 1
        $summary.EventsWritten | Should -Be 1
        $summary.ErrorsWritten | Should -Be 0
        $objects = @(Get-StoreObject $destination)
        $objects.Root | Should -Be 'partitioned'
        ($objects.Lines | ConvertFrom-Json).mail.destination | Should -Be 'pretty.one@example.net'
        ($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" |
            Should -Match 'InputObject #1 to InputObject #\d+ are the lines of one JSON document'
    }

    It 'imports every record of a pretty-printed array' {
        $destination = New-Destination pretty-array
        $summary = Get-Content -LiteralPath $prettyArray | Import-SesEvent -Destination $destination -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        $summary.EventsWritten | Should -Be 2
        @(Get-StoreObject $destination | Where-Object Root -eq errors) | Should -BeNullOrEmpty
    }

    It 'rejects a document cut short with one error saying to use Get-Content -Raw, and writes nothing' {
        $destination = New-Destination cut
        $lines = @(Get-Content -LiteralPath $prettyOne)
        $summary = $lines | Select-Object -SkipLast 2 | Import-SesEvent -Destination $destination -ErrorAction SilentlyContinue -ErrorVariable errors

        $errors.Count | Should -Be 1
        Assert-ErrorRecord $errors[0] -Id IncompleteJsonDocument -Category InvalidArgument -Target "InputObject #1 to InputObject #$($lines.Count - 2)" `
            -MessageLike '*began a JSON document that never ended; none of them was imported*', '*Get-Content -Raw*'
        $summary.LinesRead | Should -Be 0
        $summary.EventsWritten | Should -Be 0
        Test-Path -LiteralPath (Join-Path $destination 'errors') | Should -BeFalse -Because 'no fragment of the document becomes a junk error record'
        @(Get-StoreObject $destination) | Should -BeNullOrEmpty
    }

    It 'rejects a gathered document that is not JSON with one error, and writes nothing' {
        $destination = New-Destination broken
        $summary = '{', '  "eventType": "Bounce",,', '  "to": ["x@example.net"]', '}' | Import-SesEvent -Destination $destination -ErrorAction SilentlyContinue -ErrorVariable errors

        $errors.Count | Should -Be 1
        Assert-ErrorRecord $errors[0] -Id MalformedJsonDocument -Category InvalidArgument -Target 'InputObject #1 to InputObject #4' -MessageLike '*not valid JSON*Get-Content -Raw*'
        $summary.EventsWritten + $summary.ErrorsWritten | Should -Be 0
        @(Get-StoreObject $destination) | Should -BeNullOrEmpty
    }

    It 'still takes JSON lines from Get-Content one by one, and the whole file with -Raw' {
        (Get-Content -LiteralPath $jsonLines | Import-SesEvent -Destination (New-Destination lines)).EventsWritten | Should -Be 2
        (Get-Content -LiteralPath $prettyArray -Raw | Import-SesEvent -Destination (New-Destination raw)).EventsWritten | Should -Be 2
    }
}

Describe 'Import-SesEvent with records from ConvertFrom-Json' {
    It 'imports piped objects, writing back the text SES wrote' {
        $destination = New-Destination objects
        $summary = Get-Content -LiteralPath $jsonLines | ConvertFrom-Json | Import-SesEvent -Destination $destination -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        $summary.EventsWritten | Should -Be 2
        @(Get-StoreObject $destination).Lines | Sort-Object | Should -Be ($records | Sort-Object)
    }

    It 'imports hashtables from ConvertFrom-Json -AsHashtable, and an array given to -InputObject' {
        $fromHashtables = Get-Content -LiteralPath $jsonLines | ConvertFrom-Json -AsHashtable | Import-SesEvent -Destination (New-Destination hashtables)
        $array = Get-Content -LiteralPath $jsonLines | ConvertFrom-Json
        $fromArgument = Import-SesEvent -InputObject $array -Destination (New-Destination argument)

        $fromHashtables.EventsWritten | Should -Be 2
        $fromArgument.EventsWritten | Should -Be 2
    }

    It 'keeps AWS''s example records as they were written: timestamps, nesting, empty objects' {
        $reason = Get-SharedSkipReason
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $fixtures = Get-FixtureEventFile | ForEach-Object { Get-Content -Raw -LiteralPath $_.FullName }
        $destination = New-Destination fixtures

        $summary = $fixtures | ConvertFrom-Json -Depth 50 | Import-SesEvent -Destination $destination

        $summary.EventsWritten | Should -Be $fixtures.Count
        # Compared as data with the timestamps as text: what ConvertFrom-Json made [datetime] must come back as SES wrote it.
        $normalise = { param($text) $text | ConvertFrom-Json -Depth 50 -DateKind String | ConvertTo-Json -Depth 50 -Compress }
        @(Get-StoreObject $destination).Lines | ForEach-Object { & $normalise $_ } | Sort-Object |
            Should -Be ($fixtures | ForEach-Object { & $normalise $_ } | Sort-Object)
        (@(Get-StoreObject $destination).Lines -join "`n") | Should -Match '"timestamp":"2017-08-05T00:41:02\.669Z"'
    }

    It 'still takes an event''s Json property, from Get-SesEvent and from Select-Object' {
        (Get-SesEvent $store @range | Import-SesEvent -Destination (New-Destination events)).EventsWritten | Should -Be 5
        (Get-SesEvent $store @range | Select-Object Json | Import-SesEvent -Destination (New-Destination selected)).EventsWritten | Should -Be 5
    }
}

Describe 'Read-SesEventObject with the SQL first' {
    BeforeAll {
        $objects = @(Get-ChildItem -LiteralPath (Join-Path $store 'partitioned') -Recurse -File)
        $sql = 'SELECT s.eventType FROM S3Object[*] s'
    }

    It 'binds ''SELECT ...'' to -Expression when the paths are piped as text' {
        $types = $objects.FullName | Read-SesEventObject $sql -ErrorVariable errors | ForEach-Object eventType

        $errors | Should -BeNullOrEmpty
        $types | Sort-Object | Should -Be @('Bounce', 'Bounce', 'Send', 'Send', 'Send')
    }

    It 'binds it the same way for files from Get-ChildItem' {
        @(Get-ChildItem -LiteralPath (Join-Path $store 'partitioned') -Recurse -File | Read-SesEventObject $sql).Count | Should -Be 5
    }

    It 'takes the SQL then the path by position, as Select-String takes its pattern then the path' {
        $bounces = @($objects | Where-Object { $_.FullName -match 'Bounce' })
        @(Read-SesEventObject 'SELECT COUNT(*) AS Events FROM S3Object[*] s' $bounces[0].FullName).Events | Should -Be 2
        $command = Get-Command Read-SesEventObject
        $command.Parameters['Expression'].ParameterSets.Values.Position | Sort-Object -Unique | Should -Be 0
        $command.Parameters['Path'].ParameterSets['Path'].Position | Should -Be 1
    }
}
