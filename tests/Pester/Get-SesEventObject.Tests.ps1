# Get-SesEventObject: listing the SES event objects of a bucket, named or a stack's, as a user types it. The bucket and
# the stack live in moto_server; what the command sends (prefixes, signatures, DescribeStacks calls) is checked against
# the project's S3 fake, which records every request.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $help = @(Get-HelpExampleCode Get-SesEventObject)
    $examples = @(for ($i = 0; $i -lt $help.Count; $i++) { @{ Number = $i + 1; Title = $help[$i].Title; Code = $help[$i].Code } })
    if ($examples.Count -lt 4) { throw "Get-SesEventObject has only $($examples.Count) help examples; expected 4." }
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/Support/EventObjects.psm1" -Force
    Import-SesAnalyticsModule
    Import-TestFakes

    $day = [datetime]::new(2026, 11, 24, 0, 0, 0, [DateTimeKind]::Utc)
    $range = @{ From = '2026-11-23'; To = '2026-11-24' }
    $today = (Get-Date).ToUniversalTime().Date
    $yesterday = $today.AddDays(-1)

    $motoReason = Get-MotoObjectSkipReason
    if (-not $motoReason) {
        $moto = Start-MotoServer
        $aws = $moto.AwsParameters
        function Record([string] $type, [string] $identity, [string] $recipient, [datetime] $on) {
            New-SesTestRecord $type $identity $recipient -Timestamp $on.AddHours(8)
        }

        New-MotoBucket $moto ses-events
        @(
            @{ Key = Get-EventObjectKey mail.example.com Bounce $day a; Line = Record Bounce mail.example.com gone@example.net $day }
            @{ Key = Get-EventObjectKey mail.example.com Send $day b; Line = (Record Send mail.example.com gone@example.net $day), (Record Send mail.example.com kept@example.net $day) }
            @{ Key = Get-EventObjectKey other.org Send $day c; Line = Record Send other.org x@example.net $day }
            @{ Key = Get-EventObjectKey mail.example.com Bounce $day.AddDays(-4) d; Line = Record Bounce mail.example.com early@example.net $day.AddDays(-4) }
            # An identity named '..' is a folder name like any other in S3; it must stay one.
            @{ Key = Get-EventObjectKey '..' Bounce $day e; Line = Record Bounce '..' dots@example.net $day }
            # Keys that do not fit partitioned/<identity>/<EventType>/yyyy/MM/dd/<file>: skipped.
            @{ Key = 'partitioned/mail.example.com/Bounce/2026/11/24/../stray.gz'; Line = Record Bounce mail.example.com stray@example.net $day }
            @{ Key = 'partitioned/mail.example.com/Bounces/2026/11/24/typo.gz'; Line = Record Bounce mail.example.com typo@example.net $day }
            @{ Key = 'errors/2026/11/24/failed.gz'; Line = '{}' }
            # Relative to today (UTC), for the default range of yesterday and today.
            @{ Key = Get-EventObjectKey recent.example Send $today today; Line = Record Send recent.example t@example.net $today }
            @{ Key = Get-EventObjectKey recent.example Send $yesterday yesterday; Line = Record Send recent.example y@example.net $yesterday }
            @{ Key = Get-EventObjectKey recent.example Send $today.AddDays(-2) older; Line = Record Send recent.example o@example.net $today.AddDays(-2) }
        ) | Add-MotoObject $moto ses-events

        # The SesAnalytics stack as the help names it: its bucket my-ses-events, with objects for the examples.
        New-MotoStack $moto ses-analytics my-ses-events
        New-MotoStack $moto half-made half-made-bucket -NoBucketOutput
        $examplesDays = [ordered]@{ today = $today; yesterday = $yesterday }
        @(
            foreach ($name in $examplesDays.Keys) {
                $on = $examplesDays[$name]
                foreach ($type in 'Bounce', 'Complaint', 'Send') {
                    @{ Key = Get-EventObjectKey mail.example.com $type $on $name; Line = Record $type mail.example.com "$name@example.net" $on }
                }
                @{ Key = Get-EventObjectKey other.org Bounce $on $name; Line = Record Bounce other.org "$name@example.net" $on }
            }
            @{ Key = Get-EventObjectKey mail.example.com Send $today.AddDays(-3) week; Line = Record Send mail.example.com week@example.net $today.AddDays(-3) }
            @{ Key = Get-EventObjectKey mail.example.com Bounce $day.AddDays(-2) pinned; Line = Record Bounce mail.example.com pinned@example.net $day.AddDays(-2) }
            @{ Key = Get-EventObjectKey other.org Send $day pinned; Line = Record Send other.org pinned@example.net $day }
        ) | Add-MotoObject $moto my-ses-events
    }

    function Assert-CleanError($ErrorRecord, [string] $Secret) {
        $text = $ErrorRecord | Out-String
        $text | Should -Not -Match ' at SesAnalytics\.'
        if ($Secret) { $text | Should -Not -Match ([regex]::Escape($Secret)) }
    }
}

AfterAll {
    if ($moto) { Stop-MotoServer $moto }
}

Describe 'Get-SesEventObject against moto' {
    It 'lists only the objects of the wanted identities, event types and days, with their partition' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $found = @(Get-SesEventObject -BucketName ses-events -Identity '*.example.com' -EventType Bounce @range @aws)

        $found.Count | Should -Be 1
        $found[0].BucketName | Should -Be ses-events
        $found[0].Identity | Should -Be mail.example.com
        $found[0].EventType | Should -Be Bounce
        $found[0].Day.ToString('yyyy-MM-dd') | Should -Be '2026-11-24'
        $found[0].Key | Should -Be (Get-EventObjectKey mail.example.com Bounce $day a)
        $found[0].FileName | Should -Be 'ses-1-2026-11-24-08-00-00-a.gz'
        $found[0].Size | Should -BeGreaterThan 0
        $found[0].ETag | Should -Match '^[0-9a-f]{32}$'
        $found[0].LastModified | Should -Not -BeNullOrEmpty
    }

    It 'writes every object of the range by day, identity and event type (in SES''s order), skipping keys that do not fit the layout' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $found = @(Get-SesEventObject ses-events -From 2026-11-20 -To 2026-11-24 @aws)

        $found | ForEach-Object { '{0} {1} {2}' -f $_.Day.ToString('yyyy-MM-dd'), $_.Identity, $_.EventType } | Should -Be @(
            '2026-11-20 mail.example.com Bounce'
            '2026-11-24 .. Bounce'
            '2026-11-24 mail.example.com Send'
            '2026-11-24 mail.example.com Bounce'
            '2026-11-24 other.org Send')
        $found.Key | Should -Not -Contain 'partitioned/mail.example.com/Bounce/2026/11/24/../stray.gz'
        $found.Key | Should -Contain 'partitioned/../Bounce/2026/11/24/ses-1-2026-11-24-08-00-00-e.gz'
    }

    It 'takes yesterday and today (UTC) without -From and -To, and runs through today with -From alone' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $default = @(Get-SesEventObject ses-events -Identity recent.example @aws)
        $fromOnly = @(Get-SesEventObject ses-events -Identity recent.example -From $today.AddDays(-2) @aws)
        $toOnly = @(Get-SesEventObject ses-events -Identity recent.example -To $yesterday @aws)

        $default.Day | ForEach-Object ToString 'yyyy-MM-dd' | Should -Be @($yesterday.ToString('yyyy-MM-dd'), $today.ToString('yyyy-MM-dd'))
        $fromOnly.Count | Should -Be 3
        $toOnly.Day | ForEach-Object ToString 'yyyy-MM-dd' | Should -Be @($today.AddDays(-2).ToString('yyyy-MM-dd'), $yesterday.ToString('yyyy-MM-dd'))
    }

    It 'matches identities with wildcards, ignoring case, and takes several event types' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $found = @(Get-SesEventObject ses-events -Identity 'MAIL.*', 'other.org' -EventType Send, Bounce @range @aws)

        $found | ForEach-Object { "$($_.Identity)/$($_.EventType)" } | Should -Be @('mail.example.com/Send', 'mail.example.com/Bounce', 'other.org/Send')
    }

    It 'writes nothing, and no error, for an identity without objects' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $found = @(Get-SesEventObject ses-events -Identity nobody.example @range @aws -ErrorVariable errors -WarningVariable warnings)

        $found.Count | Should -Be 0
        $errors.Count | Should -Be 0
        $warnings.Count | Should -Be 0
    }

    It 'never shows the secret key, not even in verbose output' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $all = Get-SesEventObject ses-events @range @aws -Verbose 4>&1 | Out-String

        $all | Should -Match 'mail\.example\.com'
        $all | Should -Not -Match ([regex]::Escape($aws.SecretKey))
    }

    It 'reads the bucket from the outputs of the stack named by -StackName' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $found = @(Get-SesEventObject -StackName ses-analytics -Identity mail.example.com -EventType Send -From $yesterday -To $today @aws)

        $found.BucketName | Select-Object -Unique | Should -Be my-ses-events
        $found.Count | Should -Be 2
    }

    It 'takes the bucket of a piped stack object, from Get-SesAnalyticsStack or any object with BucketName' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $fromStack = @(Get-SesAnalyticsStack -StackName ses-analytics @aws | Get-SesEventObject -Identity other.org -From $yesterday -To $today @aws)
        $fromObject = @([pscustomobject]@{ StackName = 'not-asked'; BucketName = 'ses-events' } | Get-SesEventObject -Identity other.org @range @aws)
        $byStackName = @([pscustomobject]@{ StackName = 'ses-analytics' } | Get-SesEventObject -Identity other.org -From $yesterday -To $today @aws)

        $fromStack.BucketName | Select-Object -Unique | Should -Be my-ses-events
        $fromStack.Count | Should -Be 2
        $fromObject.Key | Should -Be (Get-EventObjectKey other.org Send $day c)
        $byStackName.Count | Should -Be 2
    }

    It 'stops with StackOutputsMissing, naming the way out, for a stack without a BucketName output' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $named = { Get-SesEventObject -StackName half-made @range @aws } | Should -Throw -ErrorId 'StackOutputsMissing,*' -PassThru
        $piped = { Get-SesAnalyticsStack -StackName half-made @aws | Get-SesEventObject @range @aws } | Should -Throw -ErrorId 'StackOutputsMissing,*' -PassThru

        foreach ($e in $named, $piped) {
            $e.FullyQualifiedErrorId | Should -Be 'StackOutputsMissing,SesAnalytics.Cmdlets.Commands.GetSesEventObjectCommand'
            $e.CategoryInfo.Category | Should -Be InvalidData
            $e.TargetObject | Should -Be half-made
            $e.Exception.Message | Should -Match "'half-made' has no BucketName output"
            $e.Exception.Message | Should -Match '-BucketName'
            Assert-CleanError $e $aws.SecretKey
        }
    }

    It 'stops with an ObjectNotFound error for a stack that does not exist' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $e = { Get-SesEventObject -StackName no-such-stack @range @aws } | Should -Throw -PassThru

        $e.FullyQualifiedErrorId | Should -Be 'StackNotFound,SesAnalytics.Cmdlets.Commands.GetSesEventObjectCommand'
        $e.CategoryInfo.Category | Should -Be ObjectNotFound
        $e.TargetObject | Should -Be no-such-stack
        $e.Exception.Message | Should -Match "'no-such-stack' does not exist in this account and region"
        Assert-CleanError $e $aws.SecretKey
    }

    It 'stops with an ObjectNotFound error for a bucket that does not exist' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $caught = try { Get-SesEventObject no-such-bucket @range @aws; 'not stopped' } catch { $_ }

        $caught | Should -BeOfType [Management.Automation.ErrorRecord]
        $caught.FullyQualifiedErrorId | Should -Be 'NoSuchBucket,SesAnalytics.Cmdlets.Commands.GetSesEventObjectCommand'
        $caught.CategoryInfo.Category | Should -Be ObjectNotFound
        $caught.Exception.Message | Should -Match 'The specified bucket does not exist'
        Assert-CleanError $caught $aws.SecretKey
    }

    It 'renders its table at <_> columns with the day, identity, event type, size and key' -ForEach 80, 120 {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $text = Get-SesEventObject ses-events -Identity mail.example.com @range @aws | Format-Table | Out-String -Width $_

        $header = ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1)
        foreach ($column in 'Day', 'Identity', 'EventType', 'Size') { $header | Should -Match "\b$column\b" }
        $header | Should -Match '\bKey\b'
        $text | Should -Match 'mail\.example\.com'
        $width = $_
        $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $width }
    }

    It 'renders as a list with every property' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $text = Get-SesEventObject ses-events -Identity other.org @range @aws | Format-List | Out-String -Width 80

        foreach ($property in 'BucketName', 'Key', 'Size', 'LastModified', 'ETag', 'Identity', 'EventType', 'Day') {
            $text | Should -Match "(?m)^$property\s+:"
        }
        $text | Should -Match 'other\.org'
    }
}

Describe 'Get-SesEventObject help example <Number>: <Title>' -ForEach $examples {
    BeforeAll {
        # The examples leave the AWS parameters out; a user sets them once, as here.
        $checks = @{
            1 = {
                param($run)
                $run.Output.Count | Should -Be 4
                $run.Output.EventType | Select-Object -Unique | Should -Be Bounce
                $run.Output | ForEach-Object { $_.Day.ToString('yyyy-MM-dd') } | Select-Object -Unique |
                    Should -Be @($yesterday.ToString('yyyy-MM-dd'), $today.ToString('yyyy-MM-dd'))
            }
            2 = {
                param($run)
                $run.Output.Identity | Select-Object -Unique | Should -Be mail.example.com
                $run.Output.Key | Should -Contain (Get-EventObjectKey mail.example.com Send $today.AddDays(-3) week)
                $run.Output.Key | Should -Contain (Get-EventObjectKey mail.example.com Complaint $today today)
            }
            3 = {
                param($run)
                $run.Output.BucketName | Select-Object -Unique | Should -Be my-ses-events
                $run.Output | ForEach-Object { "$($_.Day.ToString('yyyy-MM-dd')) $($_.EventType)" } | Should -Be @(
                    "$($yesterday.ToString('yyyy-MM-dd')) Bounce", "$($yesterday.ToString('yyyy-MM-dd')) Complaint"
                    "$($today.ToString('yyyy-MM-dd')) Bounce", "$($today.ToString('yyyy-MM-dd')) Complaint")
            }
            4 = {
                param($run)
                $run.Output.Key | Should -Be @((Get-EventObjectKey mail.example.com Bounce $day.AddDays(-2) pinned), (Get-EventObjectKey other.org Send $day pinned))
            }
        }
    }

    It 'runs against moto as written' {
        if ($motoReason) { Set-ItResult -Skipped -Because $motoReason; return }
        $checks.ContainsKey($Number) | Should -BeTrue -Because 'every help example has its own assertions here'

        $run = Invoke-HelpExample $Code -AwsParameters $aws

        $run.Errors | Should -BeNullOrEmpty
        $run.Warnings | Should -BeNullOrEmpty
        & $checks[$Number] $run
    }
}

Describe 'What Get-SesEventObject sends (the S3 fake records every request)' {
    BeforeAll {
        $s3 = [SesAnalytics.Fakes.S3.S3Fake]::new()
        $fake = Get-FakeAwsParameters $s3
        $s3.Put((Get-EventObjectKey mail.example.com Bounce $day a), [string[]] @(New-SesTestRecord Bounce mail.example.com gone@example.net))
        $s3.Put((Get-EventObjectKey mail.example.com Send $day b), [string[]] @(New-SesTestRecord Send mail.example.com gone@example.net))
        $s3.Put((Get-EventObjectKey other.org Send $day c), [string[]] @(New-SesTestRecord Send other.org x@example.net))
        function Get-Asked([string] $Method) { @($s3.Requests.ToArray() | Where-Object Method -eq $Method) }
    }
    AfterAll { $s3.Dispose() }
    BeforeEach { $s3.Requests.Clear() }

    It 'lists the identity folders, then only the day prefixes of the matching identities, signed for us-east-1' {
        $found = @(Get-SesEventObject ses-events -Identity '*.example.com' -EventType Bounce @range @fake)

        $found.Count | Should -Be 1
        $prefixes = @(Get-Asked GET | ForEach-Object { $_.QueryParameters['prefix'] })
        $prefixes[0] | Should -Be 'partitioned/'
        # The day prefixes are listed several at once, so in any order.
        $prefixes | Select-Object -Skip 1 | Sort-Object | Should -Be @('partitioned/mail.example.com/Bounce/2026/11/23/', 'partitioned/mail.example.com/Bounce/2026/11/24/')
        $s3.Requests.ToArray() | ForEach-Object { $_.Authorization | Should -Match '/us-east-1/s3/aws4_request' }
    }

    It 'asks CloudFormation once per -StackName command, and not at all for a piped stack object' {
        $named = @(Get-SesEventObject -StackName ses-analytics -EventType Send @range @fake)
        $stacks = (Get-Asked POST).Count
        $piped = @(Get-SesAnalyticsStack -StackName ses-analytics @fake | Get-SesEventObject -EventType Send @range @fake)

        $named.Identity | Should -Be @('mail.example.com', 'other.org')
        $piped.Identity | Should -Be @('mail.example.com', 'other.org')
        $stacks | Should -Be 1
        # One DescribeStacks more, Get-SesAnalyticsStack's: the piped BucketName binds without a second lookup.
        (Get-Asked POST).Count | Should -Be 2
        Get-Asked POST | ForEach-Object { $_.Authorization | Should -Match '/us-east-1/cloudformation/aws4_request' }
    }

    It 'lists nothing in S3 when the stack has no BucketName output' {
        $s3.Stack.Outputs.Remove('BucketName') | Out-Null
        try { { Get-SesEventObject -StackName ses-analytics @range @fake } | Should -Throw -ErrorId 'StackOutputsMissing,*' }
        finally { $s3.Stack.Outputs['BucketName'] = 'ses-events' }

        Get-Asked GET | Should -BeNullOrEmpty
    }
}
