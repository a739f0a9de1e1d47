# Read-SesEventObject: S3 Select SQL over event objects, on local files (the local evaluator, no AWS), in moto_server
# and in the project's S3 fake. moto 5.2.1's SelectObjectContent answers `SELECT *` only: a projection or a WHERE makes
# it fail with 500 InternalFailure, and it ignores aliases (COUNT(*) AS n comes back as _1). That is moto's defect, not
# the module's, so S3 Select with expressions (records, the fallback when S3 refuses, mid-stream errors, a stalled
# answer) is tested against the S3 fake, as S3 itself frames it.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $help = @(Get-HelpExampleCode Read-SesEventObject)
    $examples = @(for ($i = 0; $i -lt $help.Count; $i++) { @{ Number = $i + 1; Title = $help[$i].Title; Code = $help[$i].Code } })
    if ($examples.Count -lt 5) { throw "Read-SesEventObject has only $($examples.Count) help examples; expected 5." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/EventObjects.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes

    $bounce = '{"eventType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"a@example.com"},{"emailAddress":"b@example.com"}]},"mail":{"messageId":"m-1","tags":{"ses:sender-identity":["example.com"]}},"size":12,"score":0.25,"big":1e300}'
    $delivery = '{"eventType":"Delivery","mail":{"messageId":"m-2","tags":{"ses:sender-identity":["example.com"]}}}'
    $day = [datetime]::new(2026, 11, 24, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = '2026-11-23'; To = '2026-11-24' }
    $folders = [Collections.Generic.List[string]]::new()
    $dir = New-TestFolder read-ses
    $folders.Add($dir)

    function Write-Gzip([string] $Name, [string[]] $Line, [string] $Folder = $dir) {
        Write-GzipLine (Join-Path $Folder $Name) $Line
    }
    function Assert-CleanError($ErrorRecord, [string] $Secret) {
        $text = $ErrorRecord | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        if ($Secret) { $text | Should -Not -Match ([regex]::Escape($Secret)) }
    }
    function Split-Written([object[]] $Written) {
        [pscustomobject]@{
            Output   = @($Written | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] -and $_ -isnot [Management.Automation.WarningRecord] })
            Errors   = @($Written | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
            Warnings = @($Written | Where-Object { $_ -is [Management.Automation.WarningRecord] })
        }
    }
    function Record([string] $type, [string] $identity, [string] $recipient, [datetime] $on) {
        New-SesTestRecord $type $identity $recipient -Timestamp $on.AddHours(8)
    }
    $objects = [ordered]@{
        (Get-EventObjectKey mail.example.com Bounce $day a) = @(Record Bounce mail.example.com gone@example.net $day)
        (Get-EventObjectKey mail.example.com Send $day b)   = @((Record Send mail.example.com gone@example.net $day), (Record Send mail.example.com kept@example.net $day))
        (Get-EventObjectKey other.org Send $day c)          = @(Record Send other.org x@example.net $day)
    }

    $motoReason = Get-MotoObjectSkipReason
    if (-not $motoReason) {
        $moto = Start-MotoServer
        $aws = $moto.AwsParameters
        New-MotoBucket $moto ses-events
        @(
            foreach ($key in $objects.Keys) { @{ Key = $key; Line = $objects[$key] } }
            @{ Key = 'partitioned/../Bounce/2026/11/24/dots.gz'; Line = Record Bounce '..' dots@example.net $day }
            # One object that is no GZIP and no JSON, one whose second line is cut off.
            @{ Key = Get-EventObjectKey mail.example.com Delivery $day damaged; Text = "not an event`n" }
            @{ Key = Get-EventObjectKey mail.example.com Open $day cut; Line = (Record Open mail.example.com opened@example.net $day), '{"eventType":"Open","mail":' }
        ) | Add-MotoObject $moto ses-events
    }
}

AfterAll {
    if ($moto) { Stop-MotoServer $moto }
    Remove-TestFolder $folders
}

Describe 'Read-SesEventObject on local files' {
    It 'filters the bounces and projects the message id, and nothing else' {
        $file = Write-Gzip filter.gz $bounce, $delivery

        $records = @(Read-SesEventObject -Path $file -Expression "SELECT s.mail.messageId FROM S3Object[*] s WHERE s.eventType = 'Bounce'")

        $records.Count | Should -Be 1
        $records[0].messageId | Should -Be m-1
        @($records[0].PSObject.Properties).Count | Should -Be 1
    }

    It 'gives nested objects, arrays, whole numbers, decimals and doubles for SELECT *' {
        $file = Write-Gzip star.gz $bounce

        $record = Read-SesEventObject -Path $file

        $record.eventType | Should -Be Bounce
        $record.bounce.bouncedRecipients | Should -HaveCount 2
        $record.bounce.bouncedRecipients[1].emailAddress | Should -Be b@example.com
        $record.size | Should -BeOfType [long]
        $record.size | Should -Be 12
        $record.score | Should -BeOfType [decimal]
        $record.score | Should -Be 0.25
        $record.big | Should -BeOfType [double]
        $record.big | Should -Be 1e300
    }

    It 'counts records and reads tag names that need double quotes' {
        $file = Write-Gzip tags.gz $bounce, $delivery

        $count = Read-SesEventObject -Path $file -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s'
        $tag = Read-SesEventObject -Path $file -Expression 'SELECT s.mail.tags."ses:sender-identity"[0] AS Identity FROM S3Object[*] s LIMIT 1'

        $count.Events | Should -Be 2
        $count.Events | Should -BeOfType [long]
        $tag.Identity | Should -Be example.com
    }

    It 'reads plain JSON lines, several files through a wildcard, and piped paths' {
        $folder = New-TestFolder read-plain
        $folders.Add($folder)
        Set-Content -LiteralPath (Join-Path $folder a.json) -Value $bounce
        Set-Content -LiteralPath (Join-Path $folder b.jsonl) -Value $delivery

        $wildcard = Read-SesEventObject -Path (Join-Path $folder '*.json*') -Expression 'SELECT s.eventType FROM S3Object s' | ForEach-Object eventType
        $byValue = (Join-Path $folder a.json), (Join-Path $folder b.jsonl) | Read-SesEventObject | ForEach-Object eventType
        $byProperty = [pscustomobject]@{ FullName = Join-Path $folder b.jsonl } | Read-SesEventObject | ForEach-Object eventType
        $fromChildItem = Get-ChildItem -LiteralPath $folder -File | Read-SesEventObject | ForEach-Object eventType

        $wildcard | Sort-Object | Should -Be @('Bounce', 'Delivery')
        $byValue | Should -Be @('Bounce', 'Delivery')
        $byProperty | Should -Be Delivery
        $fromChildItem | Sort-Object | Should -Be @('Bounce', 'Delivery')
    }

    It 'takes -LiteralPath literally, and piped file names with brackets' {
        $file = Write-Gzip 'day[1].gz' $delivery

        $literal = @(Read-SesEventObject -LiteralPath $file)
        $piped = [IO.FileInfo]::new($file) | Read-SesEventObject | ForEach-Object eventType

        $literal.Count | Should -Be 1
        $piped | Should -Be Delivery
    }

    It 'reports a wildcard that matches nothing as PathNotFound' {
        $pattern = Join-Path $dir 'nothing-*.gz'

        $records = Read-SesEventObject -Path $pattern -ErrorAction SilentlyContinue -ErrorVariable errors

        $records | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand'
        $errors[0].CategoryInfo.Category | Should -Be ObjectNotFound
        $errors[0].TargetObject | Should -Be $pattern
        $errors[0].Exception.Message | Should -Match 'use -LiteralPath for names with \[ or \]'
        Assert-CleanError $errors[0]
    }

    It 'reports a folder named on its own as PathIsDirectory, while a wildcard skips folders' {
        $folder = New-TestFolder read-folder
        $folders.Add($folder)
        New-Item -ItemType Directory -Path (Join-Path $folder sub) | Out-Null
        Write-Gzip events.gz $delivery $folder | Out-Null

        $named = Read-SesEventObject -Path $folder -ErrorAction SilentlyContinue -ErrorVariable folderErrors
        $wildcard = @(Read-SesEventObject -Path (Join-Path $folder '*') -ErrorVariable wildcardErrors)

        $named | Should -BeNullOrEmpty
        $folderErrors.Count | Should -Be 1
        $folderErrors[0].FullyQualifiedErrorId | Should -BeLike 'PathIsDirectory,*'
        $folderErrors[0].CategoryInfo.Category | Should -Be InvalidArgument
        $folderErrors[0].Exception.Message | Should -Match ([regex]::Escape("'$folder' is a folder"))
        $wildcard.Count | Should -Be 1
        $wildcardErrors | Should -BeNullOrEmpty
    }

    It 'stops before reading with UnsupportedSelectSyntax, naming the construct and its position' {
        $file = Write-Gzip unsupported.gz $bounce

        # Only a terminating error reaches catch without -ErrorAction Stop.
        $caught = try { Read-SesEventObject -Path $file -Expression 'SELECT * FROM S3Object[*] s GROUP BY s.eventType'; 'not stopped' } catch { $_ }

        $caught | Should -BeOfType [Management.Automation.ErrorRecord]
        $caught.FullyQualifiedErrorId | Should -Be 'UnsupportedSelectSyntax,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand'
        $caught.CategoryInfo.Category | Should -Be InvalidArgument
        $caught.Exception.Message | Should -Match 'GROUP BY'
        $caught.Exception.Message | Should -Match 'position 29'
        Assert-CleanError $caught
    }

    It 'stops with InvalidSelectSyntax for malformed SQL' {
        $file = Write-Gzip malformed-sql.gz $bounce

        $e = { Read-SesEventObject -Path $file -Expression 'SELECT FROM' } | Should -Throw -PassThru

        $e.FullyQualifiedErrorId | Should -BeLike 'InvalidSelectSyntax,*'
        $e.CategoryInfo.Category | Should -Be InvalidArgument
        Assert-CleanError $e
    }

    It 'reports a missing file as its own error and still reads the others' {
        $good = Write-Gzip good.gz $bounce, $delivery
        $missing = Join-Path $dir missing.gz

        $records = @(Read-SesEventObject -Path $missing, $good -Expression 'SELECT s.eventType FROM S3Object[*] s' -ErrorAction SilentlyContinue -ErrorVariable errors)

        $records.eventType | Should -Be @('Bounce', 'Delivery')
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $errors[0].TargetObject | Should -Be $missing
    }

    It 'reports a malformed line as an error of its file, naming file and line, after the records before it' {
        $bad = Write-Gzip bad.gz $bounce, '{not json'
        $good = Write-Gzip good2.gz $delivery

        $written = Split-Written @(Read-SesEventObject -LiteralPath $bad, $good -ErrorAction Continue 2>&1)

        $written.Output.eventType | Should -Be @('Bounce', 'Delivery')
        $written.Errors.Count | Should -Be 1
        $e = $written.Errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'MalformedRecord,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand'
        $e.CategoryInfo.Category | Should -Be InvalidData
        $e.TargetObject | Should -Be $bad
        $e.ErrorDetails.Message | Should -Match 'bad\.gz'
        $e.ErrorDetails.Message | Should -Match 'Line 2'
        Assert-CleanError $e
    }

    It 'needs no AWS settings for -Path' {
        $file = Join-Path $dir 'local.jsonl'
        Set-Content -LiteralPath $file -Value '{"a":1}'

        $record = Read-SesEventObject -Path $file

        $record.a | Should -Be 1
    }

    It 'reads AWS''s documented example records' {
        $reason = Get-SharedSkipReason
        if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        $lines = Get-FixtureEventFile | ForEach-Object { Get-Content -Raw -LiteralPath $_.FullName | ConvertFrom-Json -Depth 50 | ConvertTo-Json -Depth 50 -Compress }
        $file = Write-Gzip fixtures.gz $lines

        $records = @(Read-SesEventObject "SELECT s.bounce.bouncedRecipients[0].emailAddress AS EmailAddress, s.bounce.bounceType AS BounceType FROM S3Object[*] s WHERE s.eventType = 'Bounce'" $file)

        $records.Count | Should -Be 1
        $records[0].EmailAddress | Should -Be recipient@example.com
        $records[0].BounceType | Should -Be Permanent
    }

    It 'renders projected records as a table at <_> columns and as a list' -ForEach 80, 120 {
        $width = $_
        $file = Write-Gzip "render-$width.gz" $bounce, $bounce
        $expression = 'SELECT s.mail.messageId, s.bounce.bounceType AS BounceType, s.bounce.bouncedRecipients[0].emailAddress AS EmailAddress FROM S3Object[*] s'

        $table = Read-SesEventObject $expression $file | Format-Table | Out-String -Width $width
        $list = Read-SesEventObject $expression $file | Format-List | Out-String -Width $width

        $header = $table -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1
        foreach ($column in 'messageId', 'BounceType', 'EmailAddress') {
            $header | Should -Match "\b$column\b"
            $list | Should -Match "(?m)^$column\s+:"
        }
        $table | Should -Match 'm-1\s+Permanent\s+a@example\.com'
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $width }
    }
}

Describe 'Read-SesEventObject against moto' {
    It 'reads piped objects with moto''s SelectObjectContent (SELECT *), the same records as -ClientSide, without a warning' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $viaSelect = @(Get-SesEventObject ses-events -Identity mail.example.com -EventType Send, Bounce @range @aws | Read-SesEventObject @aws -WarningVariable selectWarnings)
        $clientSide = @(Get-SesEventObject ses-events -Identity mail.example.com -EventType Send, Bounce @range @aws | Read-SesEventObject @aws -ClientSide -WarningVariable clientWarnings)

        $viaSelect.eventType | Should -Be @('Send', 'Send', 'Bounce')
        $viaSelect.mail.destination | Should -Be @('gone@example.net', 'kept@example.net', 'gone@example.net')
        $clientSide.mail.messageId | Should -Be $viaSelect.mail.messageId
        $selectWarnings + $clientWarnings | Should -BeNullOrEmpty
    }

    It 'evaluates expressions itself with -ClientSide, by -BucketName and -Key or from piped objects' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $count = Read-SesEventObject -BucketName ses-events -Key (Get-EventObjectKey other.org Send $day c) -ClientSide -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s' @aws
        $projected = @(Get-SesEventObject ses-events -Identity mail.example.com -EventType Send, Bounce @range @aws |
            Read-SesEventObject -ClientSide -Expression 'SELECT s.eventType, s.mail.destination[0] AS Recipient FROM S3Object[*] s' @aws)

        $count.Events | Should -Be 1
        $projected.eventType | Should -Be @('Send', 'Send', 'Bounce')
        $projected.Recipient | Should -Be @('gone@example.net', 'kept@example.net', 'gone@example.net')
    }

    It 'reads keys with ''..'' segments as they are' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $listed = @(Get-SesEventObject ses-events -Identity '..' @range @aws)
        $viaSelect = $listed | Read-SesEventObject @aws
        $clientSide = Read-SesEventObject -BucketName ses-events -Key 'partitioned/../Bounce/2026/11/24/dots.gz' -ClientSide @aws

        $listed.Key | Should -Be 'partitioned/../Bounce/2026/11/24/dots.gz'
        $viaSelect.mail.destination | Should -Be dots@example.net
        $clientSide.mail.destination | Should -Be dots@example.net
    }

    It 'reports a missing object as an error of that object only, with S3''s code, <Mode>' -ForEach @(
        @{ Mode = 'through S3 Select'; Switches = @{} }
        @{ Mode = 'with -ClientSide'; Switches = @{ ClientSide = $true } }
    ) {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $piped = [pscustomobject]@{ BucketName = 'ses-events'; Key = 'partitioned/gone.gz' }, [pscustomobject]@{ BucketName = 'ses-events'; Key = Get-EventObjectKey other.org Send $day c }

        $written = Split-Written @($piped | Read-SesEventObject @aws @Switches -ErrorAction Continue 2>&1 3>&1)

        $written.Output.Count | Should -Be 1
        $written.Output[0].mail.destination | Should -Be x@example.net
        $written.Warnings | Should -BeNullOrEmpty
        $written.Errors.Count | Should -Be 1
        $e = $written.Errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'NoSuchKey,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand'
        $e.CategoryInfo.Category | Should -Be ObjectNotFound
        $e.TargetObject | Should -Be 's3://ses-events/partitioned/gone.gz'
        ($e | Out-String) | Should -Match ([regex]::Escape("'s3://ses-events/partitioned/gone.gz': The specified key does not exist."))
        $e.Exception.Message | Should -Match 'Request ID: \w+'
        Assert-CleanError $e $aws.SecretKey
    }

    It 'reports each damaged object as its own error and reads the others' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }

        $written = Split-Written @(Get-SesEventObject ses-events -Identity mail.example.com -EventType Send, Delivery, Open @range @aws |
            Read-SesEventObject -ClientSide -Expression 'SELECT s.eventType FROM S3Object[*] s' @aws -ErrorAction Continue 2>&1)

        $written.Output.eventType | Should -Be @('Send', 'Send', 'Open')
        $written.Errors.Count | Should -Be 2
        $written.Errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'MalformedRecord,*' }
        $written.Errors.TargetObject | Should -Be @(
            "s3://ses-events/$(Get-EventObjectKey mail.example.com Delivery $day damaged)"
            "s3://ses-events/$(Get-EventObjectKey mail.example.com Open $day cut)")
        $written.Errors[1].ErrorDetails.Message | Should -Match 'Line 2'
        $written.Errors | ForEach-Object { Assert-CleanError $_ $aws.SecretKey }
    }
}

Describe 'Read-SesEventObject and S3 Select (the S3 fake)' {
    BeforeAll {
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        $fake = Get-FakeAwsParameters $s3
        foreach ($key in $objects.Keys) { $s3.Put($key, [string[]] $objects[$key]) }
        function Read-Mail([hashtable] $Parameters = @{}) {
            Split-Written @(Get-SesEventObject ses-events -Identity mail.example.com @range @fake | Read-SesEventObject @fake @Parameters 3>&1)
        }
    }
    AfterAll { $s3.Dispose() }
    BeforeEach {
        $s3.SelectAvailable = $true
        $s3.Requests.Clear()
    }

    It 'writes the records S3 Select sends, without a warning' {
        $read = Read-Mail

        $read.Output.eventType | Should -Be @('Send', 'Send', 'Bounce')
        $read.Warnings | Should -BeNullOrEmpty
        @($s3.Requests.ToArray() | Where-Object { $_.Method -eq 'POST' -and $_.Query -match 'select' }).Count | Should -Be 2
    }

    It 'warns once per command and evaluates locally, with the same records, when S3 refuses S3 Select' {
        $selected = Read-Mail
        $s3.SelectAvailable = $false
        $s3.Requests.Clear()

        $projected = Read-Mail @{ Expression = 'SELECT s.eventType, s.mail.destination[0] AS Recipient FROM S3Object[*] s' }
        $posts = @($s3.Requests.ToArray() | Where-Object Method -eq POST).Count
        $all = Read-Mail

        $projected.Warnings.Count | Should -Be 1
        $projected.Warnings[0].Message | Should -Match 'MethodNotAllowed'
        $posts | Should -Be 1 -Because 'after the refusal, the command reads every later object with GetObject'
        $all.Warnings.Count | Should -Be 1 -Because 'each command warns once'
        $projected.Output.eventType | Should -Be @('Send', 'Send', 'Bounce')
        $projected.Output.Recipient | Should -Be @('gone@example.net', 'kept@example.net', 'gone@example.net')
        $all.Output.mail.messageId | Should -Be $selected.Output.mail.messageId
    }

    It 'reads with GetObject only, and without a warning, given -ClientSide' {
        $read = Read-Mail @{ ClientSide = $true; Expression = 'SELECT COUNT(*) AS Events FROM S3Object[*] s' }

        $read.Output.Events | Should -Be @(2, 1)
        $read.Warnings | Should -BeNullOrEmpty
        $s3.Requests.ToArray() | Where-Object Method -eq POST | Should -BeNullOrEmpty
    }

    It 'writes the records before a mid-stream error first, then one error with S3''s own code' {
        $failing = [SesAnalytics.Fakes.S3.S3Fake]::new()
        try {
            $failing.SelectFailsMidStream = [ValueTuple[string, string]]::new('InvalidTextEncoding', 'UTF-8 encoding is required.')
            # Six short records: the fake's first Records event (64 bytes) holds the first two whole.
            $failing.Put('o.gz', [string[]] @(1..6 | ForEach-Object { "{`"n`":$_,`"pad`":`"abcdefghij`"}" }))
            $parameters = Get-FakeAwsParameters $failing

            $written = @(Read-SesEventObject -BucketName ses-events -Key o.gz -Expression 'SELECT s.n FROM S3Object[*] s' @parameters -ErrorAction Continue 2>&1 3>&1)
        }
        finally { $failing.Dispose() }

        $written.Count | Should -Be 3
        $written[0].n | Should -Be 1
        $written[1].n | Should -Be 2
        $e = $written[2]
        $e | Should -BeOfType [Management.Automation.ErrorRecord]
        $e.FullyQualifiedErrorId | Should -Be 'InvalidTextEncoding,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand'
        $e.CategoryInfo.Category | Should -Be InvalidData
        $e.TargetObject | Should -Be 's3://ses-events/o.gz'
        $e.ErrorDetails.Message | Should -Match ([regex]::Escape("'s3://ses-events/o.gz'"))
        $e.ErrorDetails.Message | Should -Match 'UTF-8 encoding is required\.'
        $e.ErrorDetails.Message | Should -Match 'Request ID: MODULEFAKE'
        Assert-CleanError $e $parameters.SecretKey
    }
}

Describe 'Read-SesEventObject stopped with Ctrl+C' {
    BeforeAll {
        $manifest = Get-ModuleManifestPath
        $interruptReason = Get-InterruptSkipReason
    }

    It 'stops at once while S3 stalls <Mode>, and does not fall back to GetObject' -ForEach @(
        @{ Mode = 'in a GetObject body (-ClientSide)'; Identity = 'other.org'; Suffix = 'c'; Switches = '-ClientSide'; Method = 'GET' }
        @{ Mode = 'in an S3 Select answer'; Identity = 'mail.example.com'; Suffix = 'b'; Switches = ''; Method = 'POST' }
    ) {
        if ($interruptReason) { Set-ItResult -Skipped -Because $interruptReason; return }
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        try {
            $key = Get-EventObjectKey $Identity Send $day $Suffix
            $s3.Put($key, [string[]] $objects[$key])
            $s3.BodyStall = [TimeSpan]::FromSeconds(60)
            $p = Get-FakeAwsParameters $s3
            $script = @"
Import-Module '$manifest'
Read-SesEventObject -BucketName ses-events -Key '$key' $Switches -EndpointUrl $($p.EndpointUrl) -AccessKey $($p.AccessKey) -SecretKey '$($p.SecretKey)' -Region $($p.Region) |
    ForEach-Object { 'record: ' + (`$_ | ConvertTo-Json -Compress) }
'finished'
"@
            $asked = { param($verb) [bool] ($s3.Requests.ToArray() | Where-Object { $_.Method -eq $verb -and [SesAnalytics.Fakes.S3.S3Fake]::KeyOf($_) -eq $key }) }

            $run = Invoke-InterruptedPwsh -Script $script -Until { & $asked $Method }
        }
        finally { $s3.Dispose() }

        $run.Ready | Should -BeTrue -Because "the read asks S3 ($Method) within the deadline: $($run.Output) $($run.Errors)"
        $run.Exited | Should -BeTrue
        $run.StopTook | Should -BeLessThan ([TimeSpan]::FromSeconds(3))
        $run.Output | Should -Not -Match 'record:|finished'
        if ($Method -eq 'POST') { & $asked GET | Should -BeFalse -Because 'S3 Select stopped is not a refusal' }
    }

    It 'stops at once while it evaluates a large local file' {
        if ($interruptReason) { Set-ItResult -Skipped -Because $interruptReason; return }
        $large = Join-Path $dir large.gz
        $chunk = [Text.Encoding]::UTF8.GetBytes(("$delivery`n" * 10000))
        $file = [IO.File]::Create($large)
        try {
            $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
            for ($i = 0; $i -lt 1000; $i++) { $gzip.Write($chunk, 0, $chunk.Length) }
            $gzip.Dispose()
        }
        finally { $file.Dispose() }
        $script = @"
Import-Module '$manifest'
Read-SesEventObject -LiteralPath '$large' -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s' -Verbose 4>&1 |
    ForEach-Object { if (`$_ -is [Management.Automation.VerboseRecord]) { 'verbose: ' + `$_.Message } else { 'record: ' + `$_.Events } }
'finished'
"@

        $run = Invoke-InterruptedPwsh -Script $script -Until { param($written) $written -match 'verbose: Reading' }

        $run.Ready | Should -BeTrue -Because "the read starts within the deadline: $($run.Output) $($run.Errors)"
        $run.Exited | Should -BeTrue
        $run.StopTook | Should -BeLessThan ([TimeSpan]::FromSeconds(3))
        $run.Output | Should -Not -Match 'record:|finished'
    }
}

Describe 'Read-SesEventObject help example <Number>: <Title>' -ForEach $examples {
    BeforeAll {
        # The local examples run in a folder holding what they name: ./events.gz and a copy of the bucket's layout.
        $here = New-TestFolder read-examples
        $folders.Add($here)
        $eventsDay = [datetime]::new(2026, 11, 24, 0, 0, 0, [DateTimeKind]::Utc)
        $lines = @(
            foreach ($n in 1..4) { New-SesTestRecord Bounce example.com "bounced$n@example.net" -Timestamp $eventsDay.AddHours($n) }
            foreach ($n in 1..8) { New-SesTestRecord Delivery example.com "delivered$n@example.net" -Timestamp $eventsDay.AddHours($n) }
        )
        Write-Gzip events.gz $lines $here | Out-Null
        Add-StoreObject $here example.com Bounce $eventsDay @($lines[0], $lines[1]) -Name a.gz | Out-Null
        Add-StoreObject $here example.com Bounce $eventsDay @($lines[2]) -Name b.gz | Out-Null

        # Example 3 reads my-ses-events through S3 Select: against the fake, whose S3 Select is refused as on an account
        # that never used it (moto's would crash on the projection), so the command warns once and evaluates locally.
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        $s3.SelectAvailable = $false
        $today = (Get-Date).ToUniversalTime().Date
        foreach ($on in $today.AddDays(-1), $today) {
            $s3.Put((Get-EventObjectKey example.com Bounce $on ($on.ToString('yyyyMMdd'))), [string[]] @(
                New-SesTestRecord Bounce example.com "hard-$($on.ToString('yyyyMMdd'))@example.net" -Timestamp $on.AddHours(8)
                New-SesTestRecord Bounce example.com "soft-$($on.ToString('yyyyMMdd'))@example.net" -BounceType Transient -Timestamp $on.AddHours(9)))
            $s3.Put((Get-EventObjectKey example.com Send $on ($on.ToString('yyyyMMdd'))), [string[]] @(New-SesTestRecord Send example.com "sent@example.net"))
        }

        $checks = @{
            1 = {
                param($run)
                $run.Output.messageId | Should -Be @('message-bounced1@example.net', 'message-bounced2@example.net', 'message-bounced3@example.net')
                $run.Output.BounceType | Select-Object -Unique | Should -Be Permanent
                $run.Output.EmailAddress | Should -Be @('bounced1@example.net', 'bounced2@example.net', 'bounced3@example.net')
            }
            2 = { param($run) $run.Output.Events | Should -Be 12 }
            3 = {
                param($run)
                $run.Output.BounceType | Should -Be @('Permanent', 'Transient', 'Permanent', 'Transient')
                $run.Warnings.Count | Should -Be 1
                $run.Warnings[0].Message | Should -Match 'MethodNotAllowed'
            }
            4 = {
                param($run)
                $run.Output.eventType | Select-Object -Unique | Should -Be Bounce
                $run.Output.bounce.bouncedRecipients.emailAddress | Should -Be @(1..4 | ForEach-Object { "bounced$_@example.net" })
            }
            5 = {
                param($run)
                $run.Output.Count | Should -Be 10
                $run.Output.Identity | Select-Object -Unique | Should -Be example.com
                $run.Output.eventType | Select-Object -Unique | Should -Be @('Bounce', 'Delivery')
            }
        }
    }
    AfterAll { $s3.Dispose() }

    It 'runs as written' {
        $checks.ContainsKey($Number) | Should -BeTrue -Because 'every help example has its own assertions here'

        $run = Invoke-HelpExample $Code -AwsParameters (Get-FakeAwsParameters $s3) -Location $here

        $run.Errors | Should -BeNullOrEmpty
        if ($Number -ne 3) { $run.Warnings | Should -BeNullOrEmpty }
        & $checks[$Number] $run
    }
}
