# Issue #11, item 8: importing the same input twice must not count its events twice, and a summary says what was
# written, not what would have been. Import-SesEvent records each input it wrote into a store (.sesanalytics/imports.json:
# content hash, size, name, time, events), skips one the store holds already with a warning naming it (unless -Force),
# and its summary tells Imported, WhatIf, Declined and Skipped apart, with the counts to write beside those written.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-Module "$PSScriptRoot/Support/OfflineDetails.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $work = New-TestFolder reimport
    $range = @{ From = '2024-03-01'; To = '2024-03-03' }
    $file = Join-Path $work 'events.jsonl'
    New-SesSampleEvent -Count 800 -Seed 8 -StartDate 2024-03-01 -Days 3 -AsJson | Set-Content -LiteralPath $file
    $bouncesInFile = @(Get-Content -LiteralPath $file | Where-Object { $_ -match '"eventType":"Bounce"' }).Count

    function New-Store { Join-Path $work "store-$([guid]::NewGuid().ToString('N').Substring(0, 8))" }
    function Get-ManifestPath([string] $Store) { Join-Path $Store '.sesanalytics/imports.json' }
    function Get-Sends([string] $Store) { (Get-SesEventSummary $Store @range -Total | Measure-Object -Property Sends -Sum).Sum }
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'Importing the same file again' {
    BeforeAll {
        $store = New-Store
        $first = Import-SesEvent -LiteralPath $file -Destination $store
        $bouncesAfterFirst = @(Get-SesBounce $store @range).Count
        $sendsAfterFirst = Get-Sends $store
        $objectsAfterFirst = @(Get-StoreObject $store).Count
        $again = Invoke-Captured { Import-SesEvent -LiteralPath $file -Destination $store }
    }

    It 'imports it the first time, and records it' {
        $first.Status | Should -Be 'Imported'
        $first.InputsRead | Should -Be 1
        $first.EventsWritten | Should -Be 800
        $bouncesAfterFirst | Should -BeGreaterThan 5
        $bouncesAfterFirst | Should -Be $bouncesInFile
        $manifest = Get-Content -Raw -LiteralPath (Get-ManifestPath $store) | ConvertFrom-Json -AsHashtable
        $manifest.Count | Should -Be 1
        $entry = @($manifest.Values)[0]
        $entry.Name | Should -Be $file
        $entry.Size | Should -Be (Get-Item -LiteralPath $file).Length
        $entry.Events | Should -Be 800
        @($manifest.Keys)[0] | Should -Be (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash.ToLowerInvariant()
    }

    It 'skips it the second time: the counts of the store stay as they were (19 bounces do not become 38)' {
        @(Get-SesBounce $store @range).Count | Should -Be $bouncesAfterFirst
        Get-Sends $store | Should -Be $sendsAfterFirst
        @(Get-StoreObject $store).Count | Should -Be $objectsAfterFirst
    }

    It 'says so in one warning that names the file, the store, when it was imported, and -Force' {
        $again.Errors | Should -BeNullOrEmpty
        $again.Warnings.Count | Should -Be 1
        $again.Warnings[0] | Should -BeLike "Skipped '$file': the same content (*bytes, SHA-256 *) was imported into '$store' on * from '$file' (800 events).*-Force*"
    }

    It 'returns a summary whose status is Skipped and whose counts are zero' {
        $again.Output.Count | Should -Be 1
        $summary = $again.Output[0]
        $summary | Should -BeOfType ([SesAnalytics.ImportSummary])
        $summary.Status | Should -Be ([SesAnalytics.ImportStatus]::Skipped)
        $summary.InputsRead | Should -Be 0
        $summary.InputsSkipped | Should -Be 1
        $summary.LinesRead | Should -Be 0
        $summary.EventsWritten | Should -Be 0
        $summary.ObjectsWritten | Should -Be 0
        "$summary" | Should -Be "Skipped: $store holds these inputs already"
    }

    It 'skips a copy of it under another name, since the content is what counts' {
        $copy = Join-Path $work 'copy-of-events.jsonl'
        Copy-Item -LiteralPath $file -Destination $copy

        $result = Invoke-Captured { Import-SesEvent -LiteralPath $copy -Destination $store }

        $result.Output[0].Status | Should -Be 'Skipped'
        $result.Warnings | Should -HaveCount 1
        $result.Warnings[0] | Should -BeLike "Skipped '$copy':*from '$file'*"
        @(Get-SesBounce $store @range).Count | Should -Be $bouncesAfterFirst
    }

    It 'skips the same records piped as lines (Get-Content), as one input' {
        $result = Invoke-Captured { Get-Content -LiteralPath $file | Import-SesEvent -Destination $store }

        $result.Warnings | Should -HaveCount 1
        $result.Warnings[0] | Should -BeLike "Skipped the pipeline input: the same content*from '$file'*"
        $summary = $result.Output[0]
        $summary.Status | Should -Be 'Skipped'
        # The pipeline is known only once it has ended: its records were read, and nothing of them was written.
        $summary.LinesRead | Should -Be 800
        $summary.EventsToWrite | Should -Be 800
        $summary.EventsWritten | Should -Be 0
        $summary.ObjectsWritten | Should -Be 0
        @(Get-StoreObject $store).Count | Should -Be $objectsAfterFirst
        @(Get-ChildItem -LiteralPath $store -Recurse -File -Force | Where-Object Name -Like '*.tmp') | Should -BeNullOrEmpty
    }

    It 'imports a file whose content changed' {
        $grown = Join-Path $work 'grown.jsonl'
        Copy-Item -LiteralPath $file -Destination $grown
        New-SesTestRecord Bounce grown.example late@example.net -Timestamp ([datetime]'2024-03-02T10:00:00Z') | Add-Content -LiteralPath $grown

        $summary = Import-SesEvent -LiteralPath $grown -Destination (New-Store)

        $summary.Status | Should -Be 'Imported'
        $summary.EventsWritten | Should -Be 801
    }
}

Describe 'Import-SesEvent -Force' {
    It 'imports an input the store holds already, so its events are there twice, and records it' {
        $store = New-Store
        Import-SesEvent -LiteralPath $file -Destination $store | Out-Null

        $summary = Import-SesEvent -LiteralPath $file -Destination $store -Force -WarningVariable warnings

        $warnings | Should -BeNullOrEmpty
        $summary.Status | Should -Be 'Imported'
        $summary.EventsWritten | Should -Be 800
        @(Get-SesBounce $store @range).Count | Should -Be (2 * $bouncesInFile)
        (Get-Content -Raw -LiteralPath (Get-ManifestPath $store) | ConvertFrom-Json -AsHashtable).Count | Should -Be 1
    }
}

Describe 'Several inputs, some imported before' {
    It 'imports only the new ones from Get-ChildItem, naming each one skipped' {
        $folder = Join-Path $work "batch-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        $a = Join-Path $folder 'a.jsonl'
        $b = Join-Path $folder 'b[1].jsonl'
        New-SesSampleEvent -Count 100 -Seed 21 -StartDate 2024-03-01 -AsJson | Set-Content -LiteralPath $a
        New-SesSampleEvent -Count 60 -Seed 22 -StartDate 2024-03-01 -AsJson | Set-Content -LiteralPath $b
        $store = New-Store
        Import-SesEvent -LiteralPath $a -Destination $store | Out-Null

        $result = Invoke-Captured { Get-ChildItem -LiteralPath $folder -File | Import-SesEvent -Destination $store }

        $result.Warnings | Should -HaveCount 1
        $result.Warnings[0] | Should -BeLike "Skipped '$a':*"
        $summary = $result.Output[0]
        $summary.Status | Should -Be 'Imported'
        $summary.InputsRead | Should -Be 1
        $summary.InputsSkipped | Should -Be 1
        $summary.EventsWritten | Should -Be 60
        @(Get-SesEvent $store -From 2024-03-01 -To 2024-03-07).Count | Should -Be 160
        (Get-Content -Raw -LiteralPath (Get-ManifestPath $store) | ConvertFrom-Json -AsHashtable).Values.Name | Sort-Object | Should -Be @($a, $b)
    }

    It 'reads a file given twice in one command once, naming both' {
        $store = New-Store
        $copy = Join-Path $work "twice-$([guid]::NewGuid().ToString('N').Substring(0, 6)).jsonl"
        Copy-Item -LiteralPath $file -Destination $copy

        $result = Invoke-Captured { Import-SesEvent -LiteralPath $file, $copy -Destination $store }

        $result.Warnings | Should -HaveCount 1
        $result.Warnings[0] | Should -BeLike "Skipped '$copy': it holds the same content as '$file', which this import read already*-Force*"
        $result.Output[0].EventsWritten | Should -Be 800
        @(Get-SesBounce $store @range).Count | Should -Be $bouncesInFile
    }
}

Describe 'Pipeline input' {
    It 'skips the same JSON lines piped again, and imports different ones' {
        $store = New-Store
        $lines = New-SesSampleEvent -Count 120 -Seed 31 -StartDate 2024-03-01 -AsJson

        $first = $lines | Import-SesEvent -Destination $store
        $again = Invoke-Captured { $lines | Import-SesEvent -Destination $store }
        $other = New-SesSampleEvent -Count 30 -Seed 32 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination $store

        $first.Status | Should -Be 'Imported'
        $first.EventsWritten | Should -Be 120
        $again.Output[0].Status | Should -Be 'Skipped'
        $again.Output[0].EventsWritten | Should -Be 0
        $again.Warnings[0] | Should -BeLike "Skipped the pipeline input:*from '(pipeline input)' (120 events)*"
        $other.Status | Should -Be 'Imported'
        $other.EventsWritten | Should -Be 30
        @(Get-SesEvent $store -From 2024-03-01 -To 2024-03-07).Count | Should -Be 150
    }

    It 'recognises events piped as objects (their Json) after the same records were imported as lines' {
        $store = New-Store
        New-SesSampleEvent -Count 40 -Seed 33 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination $store | Out-Null

        $summary = New-SesSampleEvent -Count 40 -Seed 33 -StartDate 2024-03-01 | Import-SesEvent -Destination $store -WarningAction SilentlyContinue

        $summary.Status | Should -Be 'Skipped'
    }
}

Describe 'A summary says what was written: -WhatIf' {
    BeforeAll {
        $store = New-Store
        $summary = New-SesSampleEvent -Count 50 -Seed 2 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination $store -WhatIf
    }

    It 'has the status WhatIf, the events it would have written, and none written' {
        $summary.Status | Should -Be 'WhatIf'
        $summary.WhatIf | Should -BeTrue
        $summary.EventsToWrite | Should -Be 50
        $summary.EventsWritten | Should -Be 0
        $summary.ErrorsWritten | Should -Be 0
        $summary.ObjectsWritten | Should -Be 0
        $summary.BytesWritten | Should -Be 0
        $summary.Partitions | Should -BeGreaterThan 0
        "$summary" | Should -Be "WhatIf: 50 events not written into $store"
        Test-Path -LiteralPath $store | Should -BeFalse
    }

    It 'records nothing, so the real import afterwards goes ahead' {
        $real = New-SesSampleEvent -Count 50 -Seed 2 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination $store

        $real.Status | Should -Be 'Imported'
        $real.EventsWritten | Should -Be 50
    }

    It 'warns about an input the store holds already, and says Skipped' {
        $result = Invoke-Captured { New-SesSampleEvent -Count 50 -Seed 2 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination $store -WhatIf }

        $result.Warnings | Should -HaveCount 1
        $result.Output[0].Status | Should -Be 'Skipped'
    }
}

Describe 'A summary says what was written: -Confirm answered No' {
    It 'has the status Declined, the events it would have written, none written, and no store' {
        $store = New-Store
        $script = @"
`$summary = New-SesSampleEvent -Count 50 -Seed 3 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination '$store' -Confirm
'RESULT:' + (`$summary | Select-Object @{ n = 'Status'; e = { "`$(`$_.Status)" } }, EventsToWrite, EventsWritten, ObjectsWritten, WhatIf, @{ n = 'Text'; e = { "`$_" } } | ConvertTo-Json -Compress)
"@

        $run = Invoke-AnsweredPwsh -Script $script -Answer 'N'

        $run.Output | Should -Match 'Are you sure you want to perform this action\?'
        $run.Result.Status | Should -Be 'Declined'
        $run.Result.EventsToWrite | Should -Be 50
        $run.Result.EventsWritten | Should -Be 0
        $run.Result.ObjectsWritten | Should -Be 0
        $run.Result.WhatIf | Should -BeTrue
        $run.Result.Text | Should -Be "Declined: 50 events not written into $store"
        Test-Path -LiteralPath $store | Should -BeFalse
    }

    It 'imports when the answer is Yes' {
        $store = New-Store
        $script = @"
`$summary = New-SesSampleEvent -Count 50 -Seed 3 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination '$store' -Confirm
'RESULT:' + (`$summary | Select-Object @{ n = 'Status'; e = { "`$(`$_.Status)" } }, EventsWritten | ConvertTo-Json -Compress)
"@

        $run = Invoke-AnsweredPwsh -Script $script -Answer 'Y'

        $run.Result.Status | Should -Be 'Imported'
        $run.Result.EventsWritten | Should -Be 50
        @(Get-StoreObject $store).Count | Should -BeGreaterThan 0
    }
}

Describe 'The import manifest' {
    It 'is never left half-written: no temporary file stays beside it' {
        $store = New-Store
        Import-SesEvent -LiteralPath $file -Destination $store | Out-Null

        # Beside it only the columnar cache's folder, which the import builds after the objects are in place.
        Get-ChildItem -LiteralPath (Join-Path $store '.sesanalytics') -Force | ForEach-Object Name | Where-Object { $_ -ne 'cache' } | Should -Be 'imports.json'
    }

    It 'does not stop an import when it is damaged (<Damage>): a warning names it, the import goes on, and it is rewritten' -ForEach @(
        @{ Damage = 'not JSON'; Text = 'this is not json {' }
        @{ Damage = 'a JSON array'; Text = '[1, 2, 3]' }
        @{ Damage = 'cut short'; Text = '{"0123": {"Name": "x", "Si' }
        @{ Damage = 'a size that is text'; Text = '{"abc": {"Name": "x", "Size": "big", "ImportedAt": "2024-01-01T00:00:00Z", "Events": 1}}' }
    ) {
        $store = New-Store
        New-Item -ItemType Directory -Path (Join-Path $store '.sesanalytics') -Force | Out-Null
        Set-Content -LiteralPath (Get-ManifestPath $store) -Value $Text

        $result = Invoke-Captured { Import-SesEvent -LiteralPath $file -Destination $store }
        $again = Invoke-Captured { Import-SesEvent -LiteralPath $file -Destination $store }

        $result.Errors | Should -BeNullOrEmpty
        $result.Warnings | Should -HaveCount 1
        $result.Warnings[0] | Should -BeLike "The import manifest '$(Get-ManifestPath $store)' cannot be read (*): inputs imported into the store before cannot be recognised*"
        $result.Output[0].Status | Should -Be 'Imported'
        $result.Output[0].EventsWritten | Should -Be 800
        (Get-Content -Raw -LiteralPath (Get-ManifestPath $store) | ConvertFrom-Json -AsHashtable).Count | Should -Be 1
        $again.Output[0].Status | Should -Be 'Skipped'
    }

    It 'leaves out entries someone edited into something else, and keeps the others' {
        $store = New-Store
        Import-SesEvent -LiteralPath $file -Destination $store | Out-Null
        $manifest = Get-Content -Raw -LiteralPath (Get-ManifestPath $store) | ConvertFrom-Json -AsHashtable
        $manifest['not-a-hash'] = @{ Name = 'x'; Size = 1; ImportedAt = '2024-01-01T00:00:00Z'; Events = 1 }
        $manifest[('a' * 64)] = $null
        $manifest | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath (Get-ManifestPath $store)

        $result = Invoke-Captured { Import-SesEvent -LiteralPath $file -Destination $store }

        $result.Output[0].Status | Should -Be 'Skipped'
        $result.Warnings | Should -HaveCount 1
    }

    It 'is written only after the objects are in place: a stopped import leaves no objects and no record, so it runs again whole' {
        $big = Join-Path $work 'big.jsonl'
        $line = '{"eventType":"Send","mail":{"timestamp":"2024-03-01T08:00:00.000Z","tags":{"ses:sender-identity":["example.com"]}}}'
        $writer = [IO.StreamWriter]::new($big)
        try { for ($i = 0; $i -lt 300000; $i++) { $writer.WriteLine($line) } }
        finally { $writer.Dispose() }
        $store = New-Store
        $started = { Test-Path -LiteralPath $store }.GetNewClosure()

        $run = Invoke-HostedPipeline -Script "Import-SesEvent -LiteralPath '$big' -Destination '$store' -BufferSizeMB 1" -StopWhen $started

        $run.StoppedEarly | Should -BeTrue -Because 'the import should still be running when the store appears'
        @(Get-ChildItem -LiteralPath $store -Recurse -File -Force) | Should -BeNullOrEmpty
        $summary = Import-SesEvent -LiteralPath $big -Destination $store
        $summary.Status | Should -Be 'Imported'
        (Get-SesEventSummary $store -From 2024-03-01 -To 2024-03-01).Sends | Should -Be 300000
    }

    It 'is not written by an import that stops at its first error (-ErrorAction Stop)' {
        $bad = Join-Path $work 'bad.jsonl'
        Set-Content -LiteralPath $bad -Value (New-SesTestRecord Send example.com a@example.net), '{"eventType": broken'
        $store = New-Store

        { Import-SesEvent -LiteralPath $bad -Destination $store -ErrorAction Stop } | Should -Throw -ErrorId 'MalformedRecord,*'

        Test-Path -LiteralPath (Get-ManifestPath $store) | Should -BeFalse
    }
}

Describe 'The import summary''s views' {
    BeforeAll {
        $store = New-Store
        $imported = Import-SesEvent -LiteralPath $file -Destination $store
        $skipped = Import-SesEvent -LiteralPath $file -Destination $store -WarningAction SilentlyContinue
        $whatIf = Import-SesEvent -LiteralPath $file -Destination (New-Store) -WhatIf
    }

    It 'shows status, lines, events to write and written, errors, rejected and destination in 79 characters' {
        $lines = Get-TableLine @($imported, $skipped, $whatIf) -Width 80

        $lines[0] | Should -Match '^Status\s+Lines\s+Events\s+Written\s+Errors\s+Rejected\s+Destination\s*$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
        $lines[2] | Should -Match '^Imported\s+800\s+800\s+800\s+0\s+0\s+/'
        $lines[3] | Should -Match '^Skipped\s+0\s+0\s+0\s+0\s+0\s+/'
        $lines[4] | Should -Match '^WhatIf\s+800\s+800\s+0\s+0\s+0\s+/'
        # The destination keeps its start in its column; the list view shows it whole.
        $lines[2] | Should -Match ([regex]::Escape($store.Substring(0, 15)))
        (Get-TableLine $imported -Width 120) | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
    }

    It 'shows every property in the list, the counts to write beside those written' {
        $text = $whatIf | Format-List | Out-String -Width 80

        foreach ($property in 'Destination', 'Status', 'InputsRead', 'InputsSkipped', 'LinesRead', 'EventsToWrite', 'EventsWritten', 'ErrorsToWrite',
            'ErrorsWritten', 'Rejected', 'ObjectsWritten', 'BytesWritten', 'Partitions', 'Elapsed', 'WhatIf') {
            $text | Should -Match "(?m)^$property\s*:"
        }
        $text | Should -Match '(?m)^Status\s*: WhatIf$'
        $text | Should -Match '(?m)^EventsToWrite\s*: 800$'
        $text | Should -Match '(?m)^EventsWritten\s*: 0$'
    }

    It 'names the status type as [SesAnalytics.ImportStatus], comparable with its names' {
        $skipped.Status -eq 'Skipped' | Should -BeTrue
        $skipped.Status | Should -BeOfType ([SesAnalytics.ImportStatus])
        [enum]::GetNames([SesAnalytics.ImportStatus]) | Should -Be @('Imported', 'WhatIf', 'Declined', 'Skipped')
    }
}
