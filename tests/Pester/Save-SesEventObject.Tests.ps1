# Save-SesEventObject: copying event objects from a bucket (in moto_server) into an offline store, incrementally, and
# what the -Path commands then read from that store.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $help = @(Get-HelpExampleCode Save-SesEventObject)
    $examples = @(for ($i = 0; $i -lt $help.Count; $i++) { @{ Number = $i + 1; Title = $help[$i].Title; Code = $help[$i].Code } })
    if ($examples.Count -lt 4) { throw "Save-SesEventObject has only $($examples.Count) help examples; expected 4." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/EventObjects.psm1" -Force
    Import-SesAnalyticsModule

    $day = [datetime]::new(2026, 11, 24, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = '2026-11-23'; To = '2026-11-24' }
    $today = (Get-Date).ToUniversalTime().Date
    $yesterday = $today.AddDays(-1)
    $folders = [Collections.Generic.List[string]]::new()
    function New-Store([string] $Name = 'ses-store') {
        $parent = New-TestFolder $Name
        $folders.Add($parent)
        Join-Path $parent 'store'
    }
    function Record([string] $type, [string] $identity, [string] $recipient, [datetime] $on) {
        New-SesTestRecord $type $identity $recipient -Timestamp $on.AddHours(8)
    }
    function Assert-CleanError($ErrorRecord, [string] $Secret) {
        $text = $ErrorRecord | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        if ($Secret) { $text | Should -Not -Match ([regex]::Escape($Secret)) }
    }

    $motoReason = Get-MotoObjectSkipReason
    if (-not $motoReason) {
        $moto = Start-MotoServer
        $aws = $moto.AwsParameters
        New-MotoBucket $moto ses-events
        @(
            @{ Key = Get-EventObjectKey mail.example.com Bounce $day a; Line = Record Bounce mail.example.com gone@example.net $day }
            @{ Key = Get-EventObjectKey mail.example.com Send $day b; Line = (Record Send mail.example.com gone@example.net $day), (Record Send mail.example.com kept@example.net $day) }
            @{ Key = Get-EventObjectKey other.org Send $day c; Line = Record Send other.org x@example.net $day }
        ) | Add-MotoObject $moto ses-events

        # The SesAnalytics stack the help names, with its bucket my-ses-events, and one still being made.
        New-MotoStack $moto ses-analytics my-ses-events
        New-MotoStack $moto half-made half-made-bucket -NoBucketOutput
        @(
            foreach ($on in $yesterday, $today) {
                $name = $on.ToString('yyyyMMdd')
                @{ Key = Get-EventObjectKey mail.example.com Bounce $on $name; Line = Record Bounce mail.example.com "bounced-$name@example.net" $on }
                @{ Key = Get-EventObjectKey mail.example.com Send $on $name; Line = Record Send mail.example.com "bounced-$name@example.net" $on }
                @{ Key = Get-EventObjectKey other.org Bounce $on $name; Line = Record Bounce other.org "other-$name@example.net" $on }
            }
            @{ Key = Get-EventObjectKey mail.example.com Bounce $day november; Line = Record Bounce mail.example.com november@example.net $day }
            @{ Key = Get-EventObjectKey mail.example.com Send $day november; Line = (Record Send mail.example.com november@example.net $day), (Record Send mail.example.com fine@example.net $day) }
            @{ Key = Get-EventObjectKey mail.example.com Complaint $day.AddDays(-14) november; Line = Record Complaint mail.example.com annoyed@example.net $day.AddDays(-14) }
            @{ Key = Get-EventObjectKey other.org Send $day november; Line = Record Send other.org elsewhere@example.net $day }
        ) | Add-MotoObject $moto my-ses-events
    }
}

AfterAll {
    if ($moto) { Stop-MotoServer $moto }
    Remove-TestFolder $folders
}

Describe 'Save-SesEventObject against moto' {
    It 'copies the objects into the bucket''s layout, then skips them, and Get-SesBounce -Path reads the copy' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $first = Save-SesEventObject -Destination $store -BucketName ses-events @range @aws
        $second = Get-SesEventObject ses-events @range @aws | Save-SesEventObject $store @aws
        $bounces = @(Get-SesBounce -Path $store @range)

        $first.ObjectsCopied | Should -Be 3
        $first.ObjectsSkipped | Should -Be 0
        $first.BytesCopied | Should -BeGreaterThan 0
        $first.Destination | Should -Be ([IO.Path]::GetFullPath($store))
        Join-Path $store 'partitioned/mail.example.com/Send/2026/11/24/ses-1-2026-11-24-08-00-00-b.gz' | Should -Exist
        Join-Path $store '.sesanalytics/objects.json' | Should -Exist
        $second.ObjectsCopied | Should -Be 0
        $second.ObjectsSkipped | Should -Be 3
        $second.BytesCopied | Should -Be 0
        $bounces.EmailAddress | Should -Be gone@example.net
        $bounces.Identity | Should -Be mail.example.com
        $bounces[0].Day.ToString('yyyy-MM-dd') | Should -Be '2026-11-24'
    }

    It 'copies a changed object again, and a file that went missing from the store' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        New-MotoBucket $moto changing-events
        $keys = (Get-EventObjectKey mail.example.com Send $day one), (Get-EventObjectKey mail.example.com Send $day two)
        $keys | ForEach-Object { @{ Key = $_; Line = Record Send mail.example.com first@example.net $day } } | Add-MotoObject $moto changing-events
        $store = New-Store
        $save = @{ Destination = $store; BucketName = 'changing-events' } + $range + $aws
        $null = Save-SesEventObject @save

        @{ Key = $keys[0]; Line = (Record Send mail.example.com first@example.net $day), (Record Send mail.example.com second@example.net $day) } |
            Add-MotoObject $moto changing-events
        $changed = Save-SesEventObject @save
        Remove-Item -LiteralPath (Join-Path $store ($keys[1] -replace '/', [IO.Path]::DirectorySeparatorChar))
        $missing = Save-SesEventObject @save
        $again = Save-SesEventObject @save

        $changed.ObjectsCopied | Should -Be 1
        $changed.ObjectsSkipped | Should -Be 1
        (Read-SesEventObject -LiteralPath (Join-Path $store $keys[0]) -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s').Events | Should -Be 2
        $missing.ObjectsCopied | Should -Be 1
        $missing.ObjectsSkipped | Should -Be 1
        $again.ObjectsCopied | Should -Be 0
        $again.ObjectsSkipped | Should -Be 2
    }

    It 'shows with -WhatIf what it would copy, and where, and writes nothing' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store
        $manifest = Get-ModuleManifestPath
        $script = @"
Import-Module '$manifest'
`$summary = Save-SesEventObject -Destination '$store' -BucketName ses-events -From 2026-11-23 -To 2026-11-24 -EndpointUrl $($aws.EndpointUrl) -Region us-east-1 -AccessKey $($aws.AccessKey) -SecretKey $($aws.SecretKey) -WhatIf
'copied:' + `$summary.ObjectsCopied
"@

        $run = Invoke-FreshPwsh -Script $script

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match ([regex]::Escape("What if: Performing the operation `"Create the event store`" on target `"$store`"."))
        $run.Output | Should -Match 'What if: Performing the operation "Copy s3://ses-events/partitioned/mail\.example\.com/Send/2026/11/24/ses-1-2026-11-24-08-00-00-b\.gz \(\d+ bytes\)"'
        $run.Output | Should -Match 'copied:0'
        $run.Output | Should -Not -Match ([regex]::Escape($aws.SecretKey))
        $store | Should -Not -Exist
    }

    It 'copies nothing new into an existing store with -WhatIf, even for a changed object' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store
        $null = Save-SesEventObject $store -BucketName ses-events @range @aws
        $before = Get-ChildItem -LiteralPath $store -Recurse -Force | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" }

        $summary = Save-SesEventObject $store -BucketName ses-events -From 2026-11-20 -To 2026-11-24 @aws -WhatIf

        $summary.ObjectsCopied | Should -Be 0
        $summary.ObjectsSkipped | Should -Be 3
        Get-ChildItem -LiteralPath $store -Recurse -Force | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" } | Should -Be $before
    }

    It 'reports its progress in bytes, up to 100 percent' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store
        # Progress is not a stream pwsh redirects: read it as a host does, from the streams of a pipeline in its own runspace.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Get-ModuleManifestPath)).AddStatement()
            $null = $ps.AddCommand('Save-SesEventObject').AddParameters(@{ Destination = $store; BucketName = 'ses-events' } + $range + $aws)
            $summary = $ps.Invoke()
            $progress = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }

        $ps.Streams.Error | Should -BeNullOrEmpty
        $summary.ObjectsCopied | Should -Be 3
        $progress.Activity | Select-Object -Unique | Should -Be @('Listing SES event objects', 'Saving SES event objects', 'Building the columnar cache')
        $saving = @($progress | Where-Object Activity -eq 'Saving SES event objects')
        $saving | Where-Object { $_.PercentComplete -gt 0 -and $_.PercentComplete -le 100 } | Should -Not -BeNullOrEmpty
        $saving | Where-Object StatusDescription -Match '^[\d,]+ of [\d,]+ bytes$' | Should -Not -BeNullOrEmpty
        $saving[-1].StatusDescription | Should -Be 'Done'
        $saving[-1].PercentComplete | Should -Be 100
        $saving[-1].RecordType | Should -Be Completed
    }

    It 'leaves a valid empty store when it finds nothing, which every -Path command answers with nothing' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $summary = Save-SesEventObject -Destination $store -BucketName ses-events -Identity nobody.example @aws
        $bounces = @(Get-SesBounce -Path $store -ErrorVariable bounceErrors -WarningVariable bounceWarnings 3>&1 2>&1)
        $events = @(Get-SesEvent -Path $store -ErrorVariable eventErrors -WarningVariable eventWarnings 3>&1 2>&1)
        $summaries = @(Get-SesEventSummary -Path $store -ErrorVariable summaryErrors -WarningVariable summaryWarnings 3>&1 2>&1)
        $pinned = @(Get-SesBounce -Path $store @range 3>&1 2>&1) + @(Get-SesEventSummary $store @range -Total 3>&1 2>&1)

        $summary.ObjectsCopied | Should -Be 0
        $summary.ObjectsSkipped | Should -Be 0
        $summary.BytesCopied | Should -Be 0
        Join-Path $store 'partitioned' | Should -Exist
        $bounces.Count + $events.Count + $summaries.Count + $pinned.Count | Should -Be 0
        $bounceErrors + $eventErrors + $summaryErrors | Should -BeNullOrEmpty
        $bounceWarnings + $eventWarnings + $summaryWarnings | Should -BeNullOrEmpty
    }

    It 'creates no store when it finds nothing with -WhatIf' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $summary = Save-SesEventObject -Destination $store -BucketName ses-events -Identity nobody.example @aws -WhatIf

        $summary.ObjectsCopied | Should -Be 0
        $store | Should -Not -Exist
    }

    It 'keeps keys with ''..'' segments inside the store, as encoded folder and file names' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        New-MotoBucket $moto dotted-events
        @(
            @{ Key = 'partitioned/../Bounce/2026/11/24/ses-1.gz'; Line = Record Bounce '..' dots@example.net $day }
            @{ Key = 'partitioned/mail.example.com/Bounce/2026/11/24/..'; Line = Record Bounce mail.example.com named-dots@example.net $day }
            @{ Key = 'partitioned/mail.example.com/Bounce/2026/11/24/../../../../../escape.gz'; Line = Record Bounce mail.example.com escape@example.net $day }
        ) | Add-MotoObject $moto dotted-events
        $store = New-Store dots
        $parent = Split-Path $store

        $summary = Save-SesEventObject $store -BucketName dotted-events @range @aws
        $bounces = @(Get-SesBounce -Path $store -Identity '..' @range)

        $summary.ObjectsCopied | Should -Be 2
        Join-Path $store 'partitioned/%2E%2E/Bounce/2026/11/24/ses-1.gz' | Should -Exist
        Join-Path $store 'partitioned/mail.example.com/Bounce/2026/11/24/%2E%2E' | Should -Exist
        Get-ChildItem -LiteralPath $parent -Name | Should -Be store
        Get-ChildItem -LiteralPath $store -Recurse -File -Force | ForEach-Object { $_.FullName.StartsWith($store + [IO.Path]::DirectorySeparatorChar) | Should -BeTrue }
        $bounces.EmailAddress | Should -Be dots@example.net
        $bounces.Identity | Should -Be '..'
    }

    It 'reports an object that is gone as its own error and copies the others' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        New-MotoBucket $moto shrinking-events
        $keys = 'a', 'b', 'c' | ForEach-Object { Get-EventObjectKey mail.example.com Send $day $_ }
        $keys | ForEach-Object { @{ Key = $_; Line = Record Send mail.example.com "$_@example.net" $day } } | Add-MotoObject $moto shrinking-events
        $listed = @(Get-SesEventObject shrinking-events @range @aws)
        Remove-MotoObject $moto shrinking-events $keys[1]
        $store = New-Store

        $summary = $listed | Save-SesEventObject $store @aws -ErrorAction SilentlyContinue -ErrorVariable errors

        $summary.ObjectsCopied | Should -Be 2
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'NoSuchKey,SesAnalytics.Cmdlets.Commands.SaveSesEventObjectCommand'
        $errors[0].CategoryInfo.Category | Should -Be ObjectNotFound
        $errors[0].TargetObject | Should -Be "s3://shrinking-events/$($keys[1])"
        $errors[0].Exception.Message | Should -Match ([regex]::Escape("Could not copy 's3://shrinking-events/$($keys[1])': The specified key does not exist."))
        Assert-CleanError $errors[0] $aws.SecretKey
        Join-Path $store $keys[0] | Should -Exist
        Join-Path $store $keys[1] | Should -Not -Exist
        Join-Path $store $keys[2] | Should -Exist
        Get-ChildItem -LiteralPath $store -Recurse -File -Force -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'reads the bucket from the stack named by -StackName, or from the piped stack object' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $named = New-Store
        $piped = New-Store

        $fromName = Save-SesEventObject -StackName ses-analytics -Destination $named -Identity mail.example.com -EventType Send @range @aws
        $fromObject = Get-SesAnalyticsStack -StackName ses-analytics @aws | Save-SesEventObject $piped @range @aws

        $fromName.ObjectsCopied | Should -Be 1
        Join-Path $named (Get-EventObjectKey mail.example.com Send $day november) | Should -Exist
        $fromObject.ObjectsCopied | Should -Be 3
    }

    It 'takes the bucket by property name from any piped object' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $summary = [pscustomobject]@{ BucketName = 'ses-events' } | Save-SesEventObject $store -Identity other.org @range @aws

        $summary.ObjectsCopied | Should -Be 1
        Join-Path $store (Get-EventObjectKey other.org Send $day c) | Should -Exist
    }

    It 'stops before copying anything for a stack without a BucketName output, or one that does not exist' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $named = { Save-SesEventObject -StackName half-made -Destination $store @range @aws } | Should -Throw -PassThru
        $piped = { Get-SesAnalyticsStack half-made @aws | Save-SesEventObject $store @range @aws } | Should -Throw -PassThru
        $unknown = { Save-SesEventObject -StackName no-such-stack -Destination $store @range @aws } | Should -Throw -PassThru

        foreach ($e in $named, $piped) {
            $e.FullyQualifiedErrorId | Should -Be 'StackOutputsMissing,SesAnalytics.Cmdlets.Commands.SaveSesEventObjectCommand'
            $e.CategoryInfo.Category | Should -Be InvalidData
            $e.TargetObject | Should -Be half-made
            $e.Exception.Message | Should -Match "'half-made' has no BucketName output"
            $e.Exception.Message | Should -Match '-BucketName'
            Assert-CleanError $e $aws.SecretKey
        }
        $unknown.FullyQualifiedErrorId | Should -Be 'StackNotFound,SesAnalytics.Cmdlets.Commands.SaveSesEventObjectCommand'
        $unknown.CategoryInfo.Category | Should -Be ObjectNotFound
        $unknown.TargetObject | Should -Be no-such-stack
        $unknown.Exception.Message | Should -Match "'no-such-stack' does not exist"
        Assert-CleanError $unknown $aws.SecretKey
        $store | Should -Not -Exist
    }

    It 'stops with an ObjectNotFound error for a bucket that does not exist, and writes nothing' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store

        $caught = try { Save-SesEventObject $store -BucketName no-such-bucket @range @aws; 'not stopped' } catch { $_ }

        $caught | Should -BeOfType [Management.Automation.ErrorRecord]
        $caught.FullyQualifiedErrorId | Should -Be 'NoSuchBucket,SesAnalytics.Cmdlets.Commands.SaveSesEventObjectCommand'
        $caught.CategoryInfo.Category | Should -Be ObjectNotFound
        Assert-CleanError $caught $aws.SecretKey
        $store | Should -Not -Exist
    }

    It 'copies without asking given -Confirm:$false, even where $ConfirmPreference would ask' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $store = New-Store
        $ConfirmPreference = 'Low'

        $summary = Save-SesEventObject $store -BucketName ses-events @range @aws -Confirm:$false

        $summary.ObjectsCopied | Should -Be 3
    }

    It 'renders its summary as a table at <_> columns and as a list' -ForEach 80, 120 {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $width = $_
        $summary = Save-SesEventObject (New-Store) -BucketName ses-events @range @aws

        $table = $summary | Format-Table | Out-String -Width $width
        $list = $summary | Format-List | Out-String -Width $width

        $header = $table -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1
        $header | Should -Match '^\s*Copied\s+Skipped\s+BytesCopied\s+Destination\s*$'
        foreach ($column in 'ObjectsCopied', 'ObjectsSkipped', 'BytesCopied', 'Destination') {
            $list | Should -Match "(?m)^$column\s+:"
        }
        $table | Should -Match '(?m)^\s*3\s+0\s+\d+\s'
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $width }
    }
}

Describe 'What Save-SesEventObject asks CloudFormation (the S3 fake records every request)' {
    BeforeAll {
        Import-TestFakes
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        $fake = Get-FakeAwsParameters $s3
        $s3.Put((Get-EventObjectKey mail.example.com Send $day b), [string[]] @(New-SesTestRecord Send mail.example.com gone@example.net))
    }
    AfterAll { $s3.Dispose() }

    It 'asks once for -StackName, and not again for a piped stack object' {
        $named = Save-SesEventObject -StackName ses-analytics -Destination (New-Store) @range @fake
        $afterNamed = @($s3.Requests.ToArray() | Where-Object Method -eq POST).Count
        $piped = Get-SesAnalyticsStack -StackName ses-analytics @fake | Save-SesEventObject (New-Store) @range @fake

        $named.ObjectsCopied | Should -Be 1
        $piped.ObjectsCopied | Should -Be 1
        $afterNamed | Should -Be 1
        # The second is Get-SesAnalyticsStack's own: the piped BucketName binds without a second lookup.
        @($s3.Requests.ToArray() | Where-Object Method -eq POST).Count | Should -Be 2
    }

    It 'asks S3 nothing when the stack has no BucketName output' {
        $s3.Requests.Clear()
        $s3.Stack.Outputs.Remove('BucketName') | Out-Null
        $store = New-Store
        try { { Save-SesEventObject -StackName ses-analytics -Destination $store @range @fake } | Should -Throw -ErrorId 'StackOutputsMissing,*' }
        finally { $s3.Stack.Outputs['BucketName'] = 'ses-events' }

        $s3.Requests.ToArray() | Where-Object Method -ne POST | Should -BeNullOrEmpty
        $store | Should -Not -Exist
    }
}

Describe 'Save-SesEventObject help example <Number>: <Title>' -ForEach $examples {
    BeforeAll {
        $checks = @{
            1 = {
                param($run, $store)
                $summary = $run.Output | Where-Object { $_.PSObject.Properties['ObjectsCopied'] }
                $summary.ObjectsCopied | Should -Be 6
                $bounces = @($run.Output | Where-Object { $_.PSObject.Properties['EmailAddress'] })
                $bounces.EmailAddress | Sort-Object | Should -Be (@(
                    foreach ($on in $yesterday, $today) { "bounced-$($on.ToString('yyyyMMdd'))@example.net", "other-$($on.ToString('yyyyMMdd'))@example.net" }
                ) | Sort-Object)
                # "Running it again copies only what is new."
                $again = Invoke-HelpExample $Code -AwsParameters $aws -Replace @{ './ses-store' = "'$store'" }
                ($again.Output | Where-Object { $_.PSObject.Properties['ObjectsCopied'] }).ObjectsCopied | Should -Be 0
            }
            2 = {
                param($run, $store)
                $run.Output.ObjectsCopied | Should -Be 2
                Join-Path $store (Get-EventObjectKey mail.example.com Bounce $day november) | Should -Exist
                Join-Path $store (Get-EventObjectKey mail.example.com Complaint $day.AddDays(-14) november) | Should -Exist
            }
            3 = {
                param($run, $store)
                ($run.Output | Where-Object { $_.PSObject.Properties['ObjectsCopied'] }).ObjectsCopied | Should -Be 2
                $summary = @($run.Output | Where-Object { $_.PSObject.Properties['Sends'] })
                $summary.Identity | Should -Be mail.example.com
                $summary.Day | ForEach-Object ToString 'yyyy-MM-dd' | Should -Be '2026-11-24'
                $summary.Sends | Should -Be 2
                $summary.Bounces | Should -Be 1
            }
            4 = {
                param($run, $store)
                $run.Output.ObjectsCopied | Should -Be 0
                $store | Should -Not -Exist
            }
        }
    }

    It 'runs against moto as written' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $checks.ContainsKey($Number) | Should -BeTrue -Because 'every help example has its own assertions here'
        $store = New-Store

        $run = Invoke-HelpExample $Code -AwsParameters $aws -Replace @{ './ses-store' = "'$store'" }

        $run.Code | Should -Not -Match ([regex]::Escape('./ses-store'))
        $run.Errors | Should -BeNullOrEmpty
        $run.Warnings | Should -BeNullOrEmpty
        & $checks[$Number] $run $store
    }
}
