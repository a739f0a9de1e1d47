# Issue #11, item 11 (the parts about the offline commands): New-SesSampleEvent put events after the current time;
# Import-SesEvent -Verbose said almost nothing; a file given where a store folder belongs was "a store that does not
# exist"; and keys with '..' segments, a sign that something other than SES writes to the bucket, went by without a word.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/Offline.psm1" -Force
    Import-Module "$PSScriptRoot/Support/EventObjects.psm1" -Force
    Import-Module "$PSScriptRoot/Support/OfflineDetails.psm1" -Force
    Import-SesAnalyticsModule
    $ErrorActionPreference = 'Continue'
    $work = New-TestFolder offline-details

    function New-Store { Join-Path $work "store-$([guid]::NewGuid().ToString('N').Substring(0, 8))" }
    # Every time a record holds (the mail's and its event's), as [datetime] UTC.
    function Get-RecordTime([string] $Line) {
        [regex]::Matches($Line, '"(timestamp|arrivalDate)":"([^"]+)"') | ForEach-Object { [datetime]::Parse($_.Groups[2].Value, [Globalization.CultureInfo]::InvariantCulture, 'AdjustToUniversal') }
    }
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'New-SesSampleEvent never puts an event in the future' {
    It 'ends the default range (the last seven days through today) at the current time' {
        $before = (Get-Date).ToUniversalTime()
        $events = @(New-SesSampleEvent -Count 5000 -Seed 4)
        $now = (Get-Date).ToUniversalTime()

        $events.Count | Should -Be 5000
        ($events | Measure-Object -Property Timestamp -Maximum).Maximum | Should -BeLessOrEqual $now
        ($events | Measure-Object -Property Timestamp -Minimum).Minimum | Should -BeGreaterOrEqual $before.Date.AddDays(-6)
    }

    It 'keeps every time in the JSON records (mail, event, arrival) at or before now, for a range of today only' {
        $today = (Get-Date).ToUniversalTime().Date

        $lines = @(New-SesSampleEvent -Count 3000 -Seed 5 -StartDate $today -Days 1 -AsJson)
        $now = (Get-Date).ToUniversalTime()

        $times = @($lines | ForEach-Object { Get-RecordTime $_ })
        $times.Count | Should -BeGreaterThan 3000
        ($times | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual $now
        ($times | Measure-Object -Minimum).Minimum | Should -BeGreaterOrEqual $today.AddMinutes(-1)
    }

    It 'keeps a range wholly in the past as it was: the same seed gives the same events' {
        $one = New-SesSampleEvent -Count 300 -Seed 6 -StartDate 2024-03-01 -Days 3 -AsJson
        $two = New-SesSampleEvent -Count 300 -Seed 6 -StartDate 2024-03-01 -Days 3 -AsJson

        $two | Should -Be $one
        ($one | ForEach-Object { Get-RecordTime $_ } | Measure-Object -Maximum).Maximum | Should -BeLessThan ([datetime]'2024-03-04T00:00:00Z').ToUniversalTime()
    }

    It 'refuses a start date after today, naming it' {
        $tomorrow = (Get-Date).ToUniversalTime().Date.AddDays(1)

        $run = Invoke-Captured { New-SesSampleEvent -Count 10 -StartDate $tomorrow }

        $run.Output | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $err = $run.Errors[0]
        $err | Should -BeOfType ([Management.Automation.ErrorRecord])
        $err.FullyQualifiedErrorId | Should -Be 'SampleStartInFuture,SesAnalytics.Cmdlets.Commands.NewSesSampleEventCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike "The sample range starts on $($tomorrow.ToString('yyyy-MM-dd')), after the current time (*): sample events never happen in the future.*"
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }
}

Describe 'Import-SesEvent -Verbose' {
    BeforeAll {
        $folder = Join-Path $work 'inputs'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $plain = Join-Path $folder 'a.jsonl'
        $zipped = Join-Path $folder 'b.jsonl.gz'
        New-SesSampleEvent -Count 200 -Seed 41 -StartDate 2024-03-01 -Days 2 -AsJson | Set-Content -LiteralPath $plain
        $gzip = [IO.Compression.GZipStream]::new([IO.File]::Create($zipped), [IO.Compression.CompressionLevel]::Fastest)
        $bytes = [Text.Encoding]::UTF8.GetBytes(((New-SesSampleEvent -Count 100 -Seed 42 -StartDate 2024-03-01 -Days 2 -AsJson) -join "`n") + "`n")
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
        $store = New-Store
        $run = Invoke-Captured { Import-SesEvent -LiteralPath $plain, $zipped -Destination $store -Verbose }
        $summary = $run.Output[0]
    }

    It 'names each file it reads, with its size' {
        $run.Errors | Should -BeNullOrEmpty
        $run.Verbose | Should -Contain "Reading '$plain' ($([string]::Format([cultureinfo]::InvariantCulture, '{0:N0}', (Get-Item -LiteralPath $plain).Length)) bytes)."
        $run.Verbose | Should -Contain "Reading '$zipped' ($([string]::Format([cultureinfo]::InvariantCulture, '{0:N0}', (Get-Item -LiteralPath $zipped).Length)) bytes)."
    }

    It 'names each object it wrote, with its records, one line per object' {
        $wrote = @($run.Verbose | Where-Object { $_ -like 'Wrote partitioned/*' })
        $wrote.Count | Should -Be $summary.ObjectsWritten
        foreach ($line in $wrote) {
            $match = [regex]::Match($line, '^Wrote (partitioned/[^ ]+\.gz) \([\d,]+ records?, [\d,]+ bytes\)\.$')
            $match.Success | Should -BeTrue -Because $line
            Join-Path $store $match.Groups[1].Value | Should -Exist
        }
        $records = $wrote | ForEach-Object { [int](($_ -replace '^.* \(([\d,]+) records?.*$', '$1') -replace ',', '') }
        ($records | Measure-Object -Sum).Sum | Should -Be 300
    }

    It 'ends with the counts, the partitions, the objects and the rate' {
        $last = $run.Verbose[-1]
        $pattern = "^Imported 300 events and 0 error records \(0 rejected\) from 2 inputs into $($summary.Partitions) partitions of '$([regex]::Escape($store))': " +
            "$([string]::Format([cultureinfo]::InvariantCulture, '{0:N0}', $summary.ObjectsWritten)) objects, $([string]::Format([cultureinfo]::InvariantCulture, '{0:N0}', $summary.BytesWritten)) bytes \([\d.,]+ s, [\d,]+ events/s, [\d.,]+ MB/s\)\.$"
        $last | Should -Match $pattern
        $run.Verbose | Should -Contain "Recorded 2 inputs in '$(Join-Path $store '.sesanalytics/imports.json')'."
    }

    It 'says where records from the pipeline come from' {
        $piped = Invoke-Captured { New-SesSampleEvent -Count 20 -Seed 43 -StartDate 2024-03-01 -AsJson | Import-SesEvent -Destination (New-Store) -Verbose }

        @($piped.Verbose | Where-Object { $_ -eq 'Reading records from the pipeline.' }).Count | Should -Be 1
        $piped.Verbose[-1] | Should -BeLike 'Imported 20 events and 0 error records (0 rejected) from 1 input into * partitions of *'
    }

    It 'says that nothing was written with -WhatIf, and what would have been' {
        $whatIf = Invoke-Captured { Import-SesEvent -LiteralPath $plain -Destination (New-Store) -WhatIf -Verbose }

        @($whatIf.Verbose | Where-Object { $_ -like 'Wrote *' }) | Should -BeNullOrEmpty
        $whatIf.Verbose[-1] | Should -BeLike 'Nothing was written (-WhatIf): 200 events and 0 error records from 1 input would have gone into * partitions of *events/s*MB/s*'
    }

    It 'says that nothing was written when every input was imported before' {
        $again = Invoke-Captured { Import-SesEvent -LiteralPath $plain -Destination $store -Verbose -WarningAction SilentlyContinue }

        $again.Verbose[-1] | Should -Be "Nothing was written: the store '$store' holds every input given already (1 skipped)."
    }
}

Describe 'A file given where a store folder belongs' {
    BeforeAll {
        $file = Join-Path $work 'events.jsonl.gz'
        $gzip = [IO.Compression.GZipStream]::new([IO.File]::Create($file), [IO.Compression.CompressionLevel]::Fastest)
        $bytes = [Text.Encoding]::UTF8.GetBytes((New-SesTestRecord Bounce example.com a@example.net) + "`n")
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
        $length = (Get-Item -LiteralPath $file).Length
    }

    It '<Command> -Path <file> says it is a file, not a store folder' -ForEach @(
        @{ Command = 'Get-SesBounce' }
        @{ Command = 'Get-SesEvent' }
        @{ Command = 'Get-SesEventSummary' }
    ) {
        Push-Location $work
        try { $run = Invoke-Captured { & $Command -Path ./events.jsonl.gz } }
        finally { Pop-Location }

        $run.Output | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $err = $run.Errors[0]
        $err.FullyQualifiedErrorId | Should -Be "StorePathIsFile,SesAnalytics.Cmdlets.Commands.$($Command.Replace('-', ''))Command"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $file
        $err.Exception.Message | Should -BeLike "'$file' is a file, not a store folder: give -Path the folder that holds (or will hold) 'partitioned/'. To read the events of this file, import it into a store first: Import-SesEvent -LiteralPath '$file' -Destination <folder>."
        $err.Exception.Message | Should -Not -BeLike '*does not exist*'
        ($err | Out-String) | Should -Not -Match ' at SesAnalytics\.'
    }

    It 'still says a missing store does not exist, under its own error id' {
        $missing = Join-Path $work 'no-such-store'

        $err = (Invoke-Captured { Get-SesBounce -Path $missing }).Errors[0]

        $err.FullyQualifiedErrorId | Should -BeLike 'StoreNotFound,*'
        $err.Exception.Message | Should -BeLike "*'$missing' does not exist*"
    }

    It 'Import-SesEvent -Destination <file> says it is a file, and leaves the file alone' {
        $err = (Invoke-Captured { New-SesTestRecord Send example.com a@example.net | Import-SesEvent -Destination $file }).Errors[0]

        $err.FullyQualifiedErrorId | Should -Be 'StorePathIsFile,SesAnalytics.Cmdlets.Commands.ImportSesEventCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $file
        $err.Exception.Message | Should -BeLike "'$file' is a file, not a store folder: give -Destination the folder*"
        (Get-Item -LiteralPath $file).Length | Should -Be $length
    }
}

Describe 'Keys with ''..'' segments in the bucket' {
    BeforeAll {
        $motoReason = Get-MotoObjectSkipReason
        $day = [datetime]::new(2026, 11, 24, 0, 0, 0, [DateTimeKind]::Utc)
        $range = @{ From = '2026-11-24'; To = '2026-11-24' }
        $dotted = @(
            'partitioned/../Bounce/2026/11/24/ses-1.gz'
            'partitioned/mail.example.com/Bounce/2026/11/24/..'
            'partitioned/mail.example.com/Bounce/2026/11/24/../stray.gz'
        )
        if (-not $motoReason) {
            $moto = Start-MotoServer
            $aws = $moto.AwsParameters
            New-MotoBucket $moto dotted-events
            @(
                @{ Key = $dotted[0]; Line = New-SesTestRecord Bounce '..' dots@example.net -Timestamp $day.AddHours(8) }
                @{ Key = $dotted[1]; Line = New-SesTestRecord Bounce mail.example.com named-dots@example.net -Timestamp $day.AddHours(8) }
                @{ Key = $dotted[2]; Line = New-SesTestRecord Bounce mail.example.com stray@example.net -Timestamp $day.AddHours(8) }
                @{ Key = Get-EventObjectKey mail.example.com Bounce $day plain; Line = New-SesTestRecord Bounce mail.example.com plain@example.net -Timestamp $day.AddHours(8) }
            ) | Add-MotoObject $moto dotted-events
        }
    }
    AfterAll {
        if ($moto) { Stop-MotoServer $moto }
    }

    It 'Get-SesEventObject names each such key in one warning, listing those that fit the layout and skipping the other' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $run = Invoke-Captured { Get-SesEventObject dotted-events @range @aws }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Key | Sort-Object | Should -Be (@($dotted[0], $dotted[1], (Get-EventObjectKey mail.example.com Bounce $day plain)) | Sort-Object)
        $run.Warnings.Count | Should -Be 3
        foreach ($key in $dotted) { @($run.Warnings | Where-Object { $_.Contains("'$key'") }).Count | Should -Be 1 -Because "one warning names $key" }
        ($run.Warnings | Where-Object { $_.Contains("'$($dotted[0])'") }) | Should -BeLike "The key '$($dotted[0])' of the bucket 'dotted-events' has a '..' or '.' segment, which Firehose does not write*It is listed as it is, and saved inside the store with the segment encoded (%2E)."
        ($run.Warnings | Where-Object { $_.Contains("'$($dotted[2])'") }) | Should -BeLike "Skipped the key '$($dotted[2])' of the bucket 'dotted-events': it has a '..' or '.' segment and does not fit partitioned/<identity>/<EventType>/yyyy/MM/dd/<file>.*check who can."
    }

    It 'Save-SesEventObject -BucketName names them alike, and keeps what it saves inside the store' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $run = Invoke-Captured { Save-SesEventObject $store -BucketName dotted-events @range @aws }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output[0].ObjectsCopied | Should -Be 3
        $run.Warnings.Count | Should -Be 3
        foreach ($key in $dotted) { @($run.Warnings | Where-Object { $_.Contains("'$key'") }).Count | Should -Be 1 }
        Join-Path $store 'partitioned/%2E%2E/Bounce/2026/11/24/ses-1.gz' | Should -Exist
        Join-Path $store 'partitioned/mail.example.com/Bounce/2026/11/24/%2E%2E' | Should -Exist
        Get-ChildItem -LiteralPath $store -Recurse -File -Force | ForEach-Object { $_.FullName.StartsWith($store + [IO.Path]::DirectorySeparatorChar) | Should -BeTrue }
    }

    It 'warns once per key in Get-SesEventObject | Save-SesEventObject' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $run = Invoke-Captured { Get-SesEventObject dotted-events @range @aws | Save-SesEventObject (New-Store) @aws }

        $run.Output[0].ObjectsCopied | Should -Be 3
        $run.Warnings.Count | Should -Be 3
    }
}
