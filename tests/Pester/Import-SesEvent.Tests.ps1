# Import-SesEvent: records laid out as Firehose lays them out, with the partition keys real jq 1.6 extracts, counts that
# reconcile with what is on disk, error records for what cannot be imported, and every way records reach it.

BeforeDiscovery {
    # AWS's example record of each event type (../shared/fixtures/ses-events/<name>.json), and records that probe the
    # edges of the partition query: what jq makes of them is what Firehose files them under.
    $fixtureCases = @('Bounce', 'Click', 'Complaint', 'Delivery', 'DeliveryDelay', 'Open', 'Reject', 'RenderingFailure', 'Send', 'Subscription') |
        ForEach-Object { @{ Name = "the AWS example $_ record"; Fixture = "$_.json"; Record = $null; JqInput = $null } }
    $edgeRecords = [ordered]@{
        'a domain identity'                                 = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
        'an email identity, the second tag value ignored'  = '{"eventType":"Bounce","mail":{"tags":{"ses:sender-identity":["hello@example.com","other.example"]}}}'
        'a number identity'                                 = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[42]}}}'
        'a decimal identity'                                = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[1.50]}}}'
        'a true identity'                                   = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[true]}}}'
        'a false identity, which // replaces'               = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[false]}}}'
        'a null identity'                                   = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[null]}}}'
        'an empty tag list'                                 = '{"eventType":"Open","mail":{"tags":{"ses:sender-identity":[]}}}'
        'an empty identity, which // keeps'                 = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[""]}}}'
        'no tags at all'                                    = '{"eventType":"Open","mail":{}}'
        'an identity with a slash'                          = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":["a/b.example"]}}}'
        'an identity of two dots'                           = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":[".."]}}}'
        'a non-ASCII identity'                              = '{"eventType":"Click","mail":{"tags":{"ses:sender-identity":["bücher.example"]}}}'
        'a Windows device name identity'                    = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":["CON"]}}}'
        'the event type with a space'                       = '{"eventType":"Rendering Failure","mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
        'a number event type'                               = '{"eventType":7,"mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
        'a tag that is a string, not a list'                = '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":"example.com"}}}'
        'an event type that is an object'                   = '{"eventType":{"name":"Send"},"mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
        'an SES notification (notificationType, no eventType)' = '{"notificationType":"Bounce","mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
        'a record that is a JSON string'                    = '"just text"'
        'a record that is a number'                         = '42'
    }
    $edgeCases = $edgeRecords.GetEnumerator() | ForEach-Object { @{ Name = $_.Key; Fixture = $null; Record = $_.Value; JqInput = $null } }
    $inner = '{"eventType":"Delivery","mail":{"tags":{"ses:sender-identity":["example.com"]}}}'
    $snsCase = @{
        Name = 'an SNS envelope, unwrapped first'; Fixture = $null; JqInput = $inner
        Record = (@{ Type = 'Notification'; MessageId = 'sns-1'; Message = $inner } | ConvertTo-Json -Compress)
    }
    $jqCases = @($fixtureCases) + @($edgeCases) + @($snsCase)
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-SesAnalyticsModule
    # A user's session goes on after a non-terminating error; the suite's runner sets Stop.
    $ErrorActionPreference = 'Continue'
    $work = New-TestFolder import-sesevent
    $send = '{"eventType":"Send","mail":{"timestamp":"2024-05-01T10:00:00.000Z","tags":{"ses:sender-identity":["example.com"]}}}'
    $bounce = '{"eventType":"Bounce","bounce":{"timestamp":"2024-05-02T10:00:00.000Z"},"mail":{"timestamp":"2024-05-01T10:00:00.000Z","tags":{"ses:sender-identity":["hello@example.com"]}}}'
    # The query the template deploys to Firehose, so that the offline layout is checked against what runs in AWS.
    $template = Export-SesAnalyticsTemplate -Format Json | ConvertFrom-Json
    $processor = $template.Resources.DeliveryStream.Properties.ExtendedS3DestinationConfiguration.ProcessingConfiguration.Processors[0]
    $query = ($processor.Parameters | Where-Object ParameterName -EQ 'MetadataExtractionQuery').ParameterValue
    $jqReason = Get-JqSkipReason
    $sharedReason = Get-SharedSkipReason

    function New-Store { Join-Path $work "store-$([guid]::NewGuid().ToString('N').Substring(0, 8))" }
    function Get-Text { param($Item) ($Item | Out-String -Width 200) }
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'Import-SesEvent partition keys' {
    It 'files <Name> where real jq 1.6 puts it' -ForEach $jqCases {
        if ($jqReason) { Set-ItResult -Skipped -Because $jqReason; return }
        if ($Fixture -and $sharedReason) { Set-ItResult -Skipped -Because $sharedReason; return }
        $file = $Fixture ? (Join-Path (Get-SharedRoot) 'fixtures/ses-events' $Fixture) : (Join-Path $work "record-$([guid]::NewGuid().ToString('N')).json")
        if (-not $Fixture) { [IO.File]::WriteAllText($file, "$Record`n") }
        $jqFile = $file
        if ($JqInput) { $jqFile = "$file.inner.json"; [IO.File]::WriteAllText($jqFile, "$JqInput`n") }
        $store = New-Store

        $jq = Invoke-Jq -Query $query -LiteralPath $jqFile
        $summary = Import-SesEvent -LiteralPath $file -Destination $store -ErrorVariable importErrors

        $importErrors | Should -BeNullOrEmpty
        $keys = ($jq.ExitCode -eq 0 -and $jq.Output) ? ($jq.Output | ConvertFrom-Json -AsHashtable) : $null
        $identity = $keys ? (ConvertTo-PartitionKeyText $keys['SenderIdentity']) : $null
        $eventType = $keys ? (ConvertTo-PartitionKeyText $keys['EventType']) : $null
        $objects = @(Get-StoreObject $store)
        $objects.Count | Should -Be 1
        $summary.LinesRead | Should -Be 1
        if ($null -ne $identity -and $null -ne $eventType) {
            $objects[0].Root | Should -Be 'partitioned' -Because "jq gave $($jq.Output)"
            $objects[0].Identity | Should -BeExactly $identity
            $objects[0].EventType | Should -BeExactly $eventType
            $summary.EventsWritten | Should -Be 1
        }
        else {
            $objects[0].Root | Should -Be 'errors' -Because "jq gave '$($jq.Output)' ($($jq.Error.Trim()))"
            $objects[0].ErrorType | Should -Be 'metadata-extraction-failed'
            $failure = $objects[0].Lines[0] | ConvertFrom-Json
            $failure.errorCode | Should -Be 'DynamicPartitioning.MetadataExtractionFailed'
            $raw = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($failure.rawData))
            ($raw | ConvertFrom-Json | ConvertTo-Json -Depth 20 -Compress) | Should -Be ((Get-Content -Raw -LiteralPath $jqFile) | ConvertFrom-Json | ConvertTo-Json -Depth 20 -Compress)
            $summary.ErrorsWritten | Should -Be 1
        }
    }
}

Describe 'Import-SesEvent on AWS''s example records' {
    It 'imports the ten fixture files by wildcard, each under no-identity and its event type' {
        if ($sharedReason) { Set-ItResult -Skipped -Because $sharedReason; return }
        $store = New-Store

        $summary = Import-SesEvent -Path (Join-Path (Get-SharedRoot) 'fixtures/ses-events/*.json') -Destination $store

        $summary.LinesRead | Should -Be 10
        $summary.EventsWritten | Should -Be 10
        $summary.ErrorsWritten | Should -Be 0
        $summary.Rejected | Should -Be 0
        $summary.Partitions | Should -Be 10
        $summary.ObjectsWritten | Should -Be 10
        $objects = @(Get-StoreObject $store)
        $objects.Count | Should -Be 10
        $objects.Identity | Sort-Object -Unique | Should -Be 'no-identity'
        $objects.EventType | Sort-Object | Should -Be @('Bounce', 'Click', 'Complaint', 'Delivery', 'DeliveryDelay', 'Open', 'Reject', 'Rendering Failure', 'Send', 'Subscription')
        # The bounce's own time (2017-08-05T00:41:02Z) files it, not the time its mail was sent.
        ($objects | Where-Object EventType -EQ 'Bounce').Day | Should -Be '2017-08-05'
    }
}

Describe 'Import-SesEvent counts' {
    BeforeAll {
        $store = New-Store
        $file = Join-Path $work 'mixed.jsonl'
        $lines = [Collections.Generic.List[string]]::new()
        New-SesSampleEvent -Count 1500 -Seed 11 -StartDate 2024-03-01 -Days 3 -AsJson | ForEach-Object { $lines.Add($_) }
        $lines.Insert(100, '{"eventType": not json')
        $lines.Insert(700, '{"notificationType":"Bounce","mail":{}}')
        $lines.Insert(900, '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":"not-a-list"}}}')
        $lines.Insert(1200, '[1, 2')
        $lines.Insert(1300, '')
        [IO.File]::WriteAllLines($file, $lines)
        $summary = Import-SesEvent -LiteralPath $file -Destination $store -ErrorVariable importErrors 2>$null
        $objects = @(Get-StoreObject $store)
        $partitioned = @($objects | Where-Object Root -EQ 'partitioned')
        $failed = @($objects | Where-Object Root -EQ 'errors')
    }

    It 'reads every non-blank line and accounts for each: written, written to errors/, or rejected' {
        $summary.LinesRead | Should -Be 1504
        $summary.EventsWritten | Should -Be 1500
        $summary.ErrorsWritten | Should -Be 2
        $summary.Rejected | Should -Be 2
        $summary.LinesRead | Should -Be ($summary.EventsWritten + $summary.ErrorsWritten + $summary.Rejected)
        $importErrors.Count | Should -Be $summary.Rejected
    }

    It 'reconciles with the objects on disk' {
        ($partitioned.Lines | Measure-Object).Count | Should -Be $summary.EventsWritten
        ($failed.Lines | Measure-Object).Count | Should -Be $summary.ErrorsWritten
        $objects.Count | Should -Be $summary.ObjectsWritten
        ($objects | Measure-Object Length -Sum).Sum | Should -Be $summary.BytesWritten
        @($partitioned | ForEach-Object { "$($_.Identity)/$($_.EventType)/$($_.Day)" } | Sort-Object -Unique).Count | Should -Be $summary.Partitions
        $summary.Destination | Should -Be $store
    }

    It 'files each event under its identity, type and own UTC day' {
        foreach ($object in $partitioned) {
            foreach ($line in $object.Lines) {
                $record = $line | ConvertFrom-Json -DateKind String
                $own = $record.eventType.Substring(0, 1).ToLowerInvariant() + $record.eventType.Substring(1).Replace(' ', '')
                $stamp = $record.PSObject.Properties[$own] -and $record.$own.PSObject.Properties['timestamp'] ? $record.$own.timestamp : $record.mail.timestamp
                $record.mail.tags.'ses:sender-identity'[0] | Should -BeExactly $object.Identity
                $record.eventType | Should -BeExactly $object.EventType
                $stamp.Substring(0, 10) | Should -Be $object.Day
            }
        }
        $partitioned.Day | Sort-Object -Unique | Should -Be @('2024-03-01', '2024-03-02', '2024-03-03')
    }

    It 'names each object after the stream and never leaves a temporary file' {
        $objects.Name | ForEach-Object { $_ | Should -Match '^ses-analytics-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.gz$' }
        @(Get-ChildItem -LiteralPath $store -Recurse -File | Where-Object Extension -NE '.gz') | Should -BeNullOrEmpty
    }

    It 'writes what Firehose writes for a record whose keys cannot be extracted' {
        $records = $failed.Lines | ConvertFrom-Json
        foreach ($record in $records) {
            $record.PSObject.Properties.Name | Should -Be @('attemptsMade', 'arrivalTimestamp', 'errorCode', 'errorMessage', 'attemptEndingTimestamp', 'rawData')
            $record.attemptsMade | Should -Be 1
            $record.errorCode | Should -Be 'DynamicPartitioning.MetadataExtractionFailed'
            $record.arrivalTimestamp | Should -BeGreaterThan 0
        }
        $raw = $records | ForEach-Object { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($_.rawData)) }
        $raw | Should -Contain '{"notificationType":"Bounce","mail":{}}'
        $raw | Should -Contain '{"eventType":"Send","mail":{"tags":{"ses:sender-identity":"not-a-list"}}}'
        ($records | Where-Object { $_.errorMessage -match 'notificationType' }) | Should -Not -BeNullOrEmpty
    }
}

Describe 'Import-SesEvent error records' {
    BeforeAll {
        $file = Join-Path $work 'events.jsonl'
        Set-Content -LiteralPath $file -Value $send, '{"eventType": broken', $bounce
    }

    It 'reports a line that is not JSON with its file and line, and imports the others' {
        $store = New-Store

        $summary = Import-SesEvent -Path $file -Destination $store -StreamName my-stream -BufferSizeMB 1 -ErrorVariable err 2>$null

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MalformedRecord,SesAnalytics.Cmdlets.Commands.ImportSesEventCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $file
        $err[0].Exception.Message | Should -BeLike "Line 2 of '$file' is not valid JSON*"
        $err[0].Exception.Message | Should -BeLike '*Fix or remove the line and import it again.'
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
        $summary.LinesRead | Should -Be 3
        $summary.EventsWritten | Should -Be 2
        $summary.Rejected | Should -Be 1
        (Get-StoreObject $store).Name | ForEach-Object { $_ | Should -BeLike 'my-stream-1-*.gz' }
    }

    It 'stops at the first bad line with -ErrorAction Stop and leaves no object behind' {
        $store = New-Store

        { Import-SesEvent -Path $file -Destination $store -ErrorAction Stop } | Should -Throw -ErrorId 'MalformedRecord,SesAnalytics.Cmdlets.Commands.ImportSesEventCommand'

        @(Get-ChildItem -LiteralPath $store -Recurse -File -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'reports a missing -Path and still imports the others' {
        $store = New-Store
        $missing = Join-Path $work 'nope.json'

        $summary = Import-SesEvent -Path $missing, $file -Destination $store -ErrorVariable err 2>$null

        $notFound = @($err | Where-Object FullyQualifiedErrorId -Like 'PathNotFound,*')
        $notFound.Count | Should -Be 1
        $notFound[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $notFound[0].TargetObject | Should -Be $missing
        $notFound[0].Exception.Message | Should -BeLike "*'$missing'*does not exist*"
        $summary.EventsWritten | Should -Be 2
    }

    It 'reports a missing -LiteralPath as not found, like -Path' {
        $missing = Join-Path $work 'missing[1].json'

        $summary = Import-SesEvent -LiteralPath $missing -Destination (New-Store) -ErrorVariable err 2>$null

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
        $summary.LinesRead | Should -Be 0
    }

    It 'refuses a folder, saying how to give its files' {
        $summary = Import-SesEvent -LiteralPath $work -Destination (New-Store) -ErrorVariable err 2>$null

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PathIsFolder,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $work
        $err[0].Exception.Message | Should -BeLike "*is a folder. Give its files instead, for example '$(Join-Path $work '*')'."
        $summary.LinesRead | Should -Be 0
    }

    It 'refuses a stream name Firehose would refuse before reading anything' {
        { Import-SesEvent -InputObject $send -Destination (New-Store) -StreamName 'my stream' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,SesAnalytics.Cmdlets.Commands.ImportSesEventCommand'
    }
}

Describe 'Import-SesEvent -WhatIf' {
    It 'reads and counts every record but writes nothing, not even the destination folder' {
        $file = Join-Path $work 'whatif.jsonl'
        Set-Content -LiteralPath $file -Value $send, $bounce
        $store = New-Store

        $summary = Import-SesEvent -LiteralPath $file -Destination $store -WhatIf

        $summary.WhatIf | Should -BeTrue
        $summary.LinesRead | Should -Be 2
        # Issue #11 item 8: the summary says what would have been written, and that nothing was.
        $summary.EventsToWrite | Should -Be 2
        $summary.EventsWritten | Should -Be 0
        $summary.Partitions | Should -Be 2
        $summary.ObjectsWritten | Should -Be 0
        $summary.BytesWritten | Should -Be 0
        Test-Path -LiteralPath $store | Should -BeFalse
    }

    It 'writes nothing from the pipeline either' {
        $store = New-Store

        $summary = New-SesSampleEvent -Count 50 -Seed 2 -AsJson | Import-SesEvent -Destination $store -WhatIf

        $summary.EventsToWrite | Should -Be 50
        $summary.EventsWritten | Should -Be 0
        Test-Path -LiteralPath $store | Should -BeFalse
    }
}

Describe 'Import-SesEvent input' {
    It 'takes JSON strings, several lines in one string, and objects with a Json property from the pipeline' {
        $store = New-Store

        $summary = @($send, ($send + "`n" + $bounce), [pscustomobject]@{ Json = $bounce }) | Import-SesEvent -Destination $store

        $summary.LinesRead | Should -Be 4
        $summary.EventsWritten | Should -Be 4
        Test-Path -LiteralPath (Join-Path $store 'partitioned/example.com/Send/2024/05/01') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $store 'partitioned/hello@example.com/Bounce/2024/05/02') | Should -BeTrue
    }

    It 'takes the JSON lines of New-SesSampleEvent -AsJson, and its events through their Json property' {
        $asJson = New-SesSampleEvent -Count 400 -Seed 5 -StartDate 2024-03-01 -Days 2 -AsJson | Import-SesEvent -Destination (New-Store)
        $asObjects = New-SesSampleEvent -Count 400 -Seed 5 -StartDate 2024-03-01 -Days 2 | Import-SesEvent -Destination (New-Store)

        $asJson.EventsWritten | Should -Be 400
        $asObjects.EventsWritten | Should -Be 400
        $asObjects.Partitions | Should -Be $asJson.Partitions
        $asObjects.BytesWritten | Should -BeGreaterThan 0
    }

    It 'takes the lines of Get-Content, skipping blank ones' {
        $file = Join-Path $work 'lines.jsonl'
        Set-Content -LiteralPath $file -Value $send, '', '   ', $bounce

        $summary = Get-Content -LiteralPath $file | Import-SesEvent -Destination (New-Store)

        $summary.LinesRead | Should -Be 2
        $summary.EventsWritten | Should -Be 2
    }

    It 'takes files from Get-ChildItem, whatever characters their names hold' {
        $folder = Join-Path $work "files-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'day[1].jsonl') -Value $send
        Set-Content -LiteralPath (Join-Path $folder 'day 2.jsonl') -Value $send, $bounce
        $gzip = [IO.Compression.GZipStream]::new([IO.File]::Create((Join-Path $folder 'day3.jsonl.gz')), [IO.Compression.CompressionLevel]::Fastest)
        $bytes = [Text.Encoding]::UTF8.GetBytes("$bounce`n$bounce`n$send`n")
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()

        $summary = Get-ChildItem -LiteralPath $folder -File | Import-SesEvent -Destination (New-Store) -ErrorVariable err

        $err | Should -BeNullOrEmpty
        $summary.LinesRead | Should -Be 6
        $summary.EventsWritten | Should -Be 6
    }

    It 'takes paths with wildcards, relative to the current location' {
        $folder = Join-Path $work "relative-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'a.jsonl') -Value $send
        Set-Content -LiteralPath (Join-Path $folder 'b.jsonl') -Value $bounce
        Push-Location $folder
        try { $summary = Import-SesEvent *.jsonl -Destination ./store }
        finally { Pop-Location }

        $summary.EventsWritten | Should -Be 2
        $summary.Destination | Should -Be (Join-Path $folder 'store')
    }

    It 'files every record under the import day with -UseArrivalTime' {
        $store = New-Store
        $today = (Get-Date).ToUniversalTime().Date

        $summary = $send, $bounce | Import-SesEvent -Destination $store -UseArrivalTime

        $summary.EventsWritten | Should -Be 2
        # An import that straddles midnight UTC may file under the next day.
        (Get-StoreObject $store).Day | ForEach-Object { $_ | Should -BeIn @($today.ToString('yyyy-MM-dd'), $today.AddDays(1).ToString('yyyy-MM-dd')) }
    }

    It 'reports its progress to the host and completes it' {
        $run = Invoke-HostedPipeline -Script "New-SesSampleEvent -Count 2500 -Seed 3 -AsJson | Import-SesEvent -Destination '$(New-Store)'"

        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $run.Progress | Where-Object Activity -EQ 'Importing SES events' | Should -Not -BeNullOrEmpty
        $run.Progress | Where-Object { $_.Activity -eq 'Importing SES events' -and $_.RecordType -eq 'Completed' } | Should -Not -BeNullOrEmpty
    }
}

Describe 'Stopping Import-SesEvent' {
    It 'stops promptly and leaves only complete objects' {
        $file = Join-Path $work 'big.jsonl'
        $writer = [IO.StreamWriter]::new($file)
        try { for ($i = 0; $i -lt 300000; $i++) { $writer.Write(($i % 2) ? $bounce : $send); $writer.Write("`n") } }
        finally { $writer.Dispose() }
        $store = New-Store
        $started = { Test-Path -LiteralPath $store }.GetNewClosure()

        $run = Invoke-HostedPipeline -Script "Import-SesEvent -LiteralPath '$file' -Destination '$store' -BufferSizeMB 1" -StopWhen $started

        $run.StoppedEarly | Should -BeTrue -Because 'the import should still be running when the store appears'
        $run.StopTook.TotalSeconds | Should -BeLessThan 10
        $run.Output | Should -BeNullOrEmpty
        foreach ($file in Get-ChildItem -LiteralPath $store -Recurse -File) {
            $file.Extension | Should -Be '.gz'
            (Read-GzipLines -LiteralPath $file.FullName).Text | Should -Match '\}\n$'
        }
    }
}

Describe 'Import-SesEvent output' {
    BeforeAll {
        $summary = $send, $bounce | Import-SesEvent -Destination (New-Store)
    }

    # The view's columns since issue #11 item 8 (status, events to write and written); ReImport.Tests.ps1 checks it in full.
    It 'shows the counts in a table of 80 columns' {
        $text = $summary | Format-Table | Out-String -Width 80
        foreach ($column in 'Status', 'Lines', 'Events', 'Written', 'Errors', 'Rejected', 'Destination') { $text | Should -Match $column }
    }

    It 'shows the counts and the destination in a table of 120 columns' {
        $text = $summary | Format-Table | Out-String -Width 120
        foreach ($column in 'Status', 'Lines', 'Events', 'Written', 'Errors', 'Rejected', 'Destination') { $text | Should -Match $column }
        # A long destination is cut to the column, so only its start is sure to show.
        $text | Should -Match ([regex]::Escape($summary.Destination.Substring(0, 20)))
    }

    It 'shows every property as a list' {
        $text = $summary | Format-List | Out-String -Width 80
        foreach ($property in 'Destination', 'Status', 'LinesRead', 'EventsToWrite', 'EventsWritten', 'ErrorsToWrite', 'ErrorsWritten', 'Rejected', 'ObjectsWritten', 'BytesWritten', 'Partitions', 'Elapsed', 'WhatIf') {
            $text | Should -Match "$property\s*:"
        }
    }
}

Describe 'Import-SesEvent help examples' {
    BeforeDiscovery {
        Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
        Import-SesAnalyticsModule
        $examples = @(Get-HelpExampleTestCase Import-SesEvent -Minimum 4)
    }

    BeforeEach {
        $folder = Join-Path $work "example-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Push-Location $folder
    }

    AfterEach {
        Pop-Location
    }

    It 'runs <Title>' -ForEach $examples {
        if ($Code -match 'fixtures/ses-events') {
            if ($sharedReason) { Set-ItResult -Skipped -Because $sharedReason; return }
            New-Item -ItemType Directory -Path ./fixtures | Out-Null
            Copy-Item -LiteralPath (Join-Path (Get-SharedRoot) 'fixtures/ses-events') -Destination ./fixtures -Recurse
        }
        if ($Code -match 'exports/events\.jsonl\.gz') {
            New-Item -ItemType Directory -Path ./exports | Out-Null
            $gzip = [IO.Compression.GZipStream]::new([IO.File]::Create((Join-Path $folder 'exports/events.jsonl.gz')), [IO.Compression.CompressionLevel]::Fastest)
            $bytes = [Text.Encoding]::UTF8.GetBytes(((New-SesSampleEvent -Count 300 -Seed 9 -StartDate 2024-03-01 -AsJson) -join "`n") + "`n")
            $gzip.Write($bytes, 0, $bytes.Length)
            $gzip.Dispose()
        }

        $result = @(& ([scriptblock]::Create($Code)) 2>&1)

        $result | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $result.Count | Should -Be 1
        $summary = $result[0]
        $summary.LinesRead | Should -BeGreaterThan 0
        $summary.LinesRead | Should -Be ($summary.EventsToWrite + $summary.ErrorsToWrite + $summary.Rejected)
        if ($summary.WhatIf) {
            Test-Path ./store | Should -BeFalse
        }
        else {
            @(Get-StoreObject ./store).Count | Should -Be $summary.ObjectsWritten
        }
        if ($Code -match 'fixtures/ses-events') { (Get-StoreObject ./store).Identity | Sort-Object -Unique | Should -Be 'no-identity' }
        if ($Code -match '-UseArrivalTime') {
            $today = (Get-Date).ToUniversalTime().Date
            (Get-StoreObject ./store) | ForEach-Object {
                $_.Name | Should -BeLike 'ses-events-1-*.gz'
                $_.Day | Should -BeIn @($today.ToString('yyyy-MM-dd'), $today.AddDays(1).ToString('yyyy-MM-dd'))
            }
        }
    }
}
