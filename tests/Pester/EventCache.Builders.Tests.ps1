# Import-SesEvent and Save-SesEventObject build the columnar cache of the folders they write into, unless -NoCache;
# -WhatIf builds nothing. Save-SesEventObject copies from the S3 fake on 127.0.0.1.

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes
    $PSStyle.OutputRendering = 'PlainText'

    $folder = New-TestFolder cache-builders
    $day = [datetime]::new(2024, 3, 8, 9, 0, 0, [DateTimeKind]::Utc)
    $records = @(
        New-SesTestRecord Send example.com a@example.net -Timestamp $day
        New-SesTestRecord Send example.com b@example.net -Timestamp $day
        New-SesTestRecord Bounce example.com a@example.net -Timestamp $day
        New-SesTestRecord Send other.example c@example.net -Timestamp $day.AddDays(1)
    )
    $range = @{ From = '2024-03-08'; To = '2024-03-09' }

    $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
    $fake = Get-FakeAwsParameters $s3
    $s3.Put('partitioned/example.com/Send/2024/03/08/ses-1-2024-03-08-09-00-00-a.gz', [string[]] @($records[0], $records[1]))
    $s3.Put('partitioned/example.com/Bounce/2024/03/08/ses-1-2024-03-08-09-00-00-b.gz', [string[]] @($records[2]))
}

AfterAll {
    $s3.Dispose()
    Remove-TestFolder $folder
}

Describe 'Import-SesEvent and the cache' {
    It 'builds the cache of every folder it wrote into' {
        $store = Join-Path $folder imported
        $summary = $records | Import-SesEvent -Destination $store

        $summary.Status | Should -Be 'Imported'
        $entries = @(Get-SesEventCache $store)
        $entries.Count | Should -Be 3
        $entries | ForEach-Object { $_.State | Should -Be 'Fresh' }
        ($entries | Measure-Object Events -Sum).Sum | Should -Be 4
        (Get-SesEventSummary $store @range -Total | Measure-Object Sends -Sum).Sum | Should -Be 3
    }

    It 'rebuilds the caches a second import makes stale' {
        $store = Join-Path $folder imported
        New-SesTestRecord Send example.com d@example.net -Timestamp $day | Import-SesEvent -Destination $store | Out-Null

        $send = Get-SesEventCache $store -Identity example.com -EventType Send
        $send.State | Should -Be 'Fresh'
        $send.Events | Should -Be 3
        $send.Objects | Should -Be 2
    }

    It 'builds nothing with -NoCache or -WhatIf' {
        $noCache = Join-Path $folder no-cache
        $records | Import-SesEvent -Destination $noCache -NoCache | Out-Null
        $whatIf = Join-Path $folder what-if
        $records | Import-SesEvent -Destination $whatIf -WhatIf | Out-Null

        Get-SesEventCache $noCache | ForEach-Object { $_.State | Should -Be 'Missing' }
        Test-Path -LiteralPath (Join-Path $noCache .sesanalytics cache) | Should -BeFalse
        Test-Path -LiteralPath $whatIf | Should -BeFalse
    }
}

Describe 'Save-SesEventObject and the cache' {
    It 'builds the cache of the folders it copied into' {
        $store = Join-Path $folder saved
        Save-SesEventObject -BucketName ses-events -Destination $store @range @fake | Out-Null

        $entries = @(Get-SesEventCache $store)
        $entries.Count | Should -Be 2
        $entries | ForEach-Object { $_.State | Should -Be 'Fresh' }
    }

    It 'builds nothing with -NoCache, and the next copy builds what is missing' {
        $store = Join-Path $folder saved-no-cache
        Save-SesEventObject -BucketName ses-events -Destination $store @range @fake -NoCache | Out-Null
        Get-SesEventCache $store | ForEach-Object { $_.State | Should -Be 'Missing' }

        $summary = Save-SesEventObject -BucketName ses-events -Destination $store @range @fake
        $summary.ObjectsSkipped | Should -Be 2
        Get-SesEventCache $store | ForEach-Object { $_.State | Should -Be 'Fresh' }
    }

    It 'builds nothing with -WhatIf' {
        $store = Join-Path $folder saved-what-if
        Save-SesEventObject -BucketName ses-events -Destination $store @range @fake -NoCache | Out-Null
        Save-SesEventObject -BucketName ses-events -Destination $store @range @fake -WhatIf | Out-Null
        Get-SesEventCache $store | ForEach-Object { $_.State | Should -Be 'Missing' }
    }
}
