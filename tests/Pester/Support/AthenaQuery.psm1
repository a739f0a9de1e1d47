# What the Athena-side tests of the query commands share: the Athena fake (tests/SesAnalytics.Fakes) and the rows it
# answers with, moto's Athena, a command run in its own runspace (to see progress, or to stop it as Ctrl+C does), and
# the help examples of the query commands with their store.
#   BeforeAll { Import-Module "$PSScriptRoot/Support/AthenaQuery.psm1" -Force }   (after TestSupport.psm1)

Set-StrictMode -Version Latest

# The columns of each query the module runs, as Athena names them in the result's metadata.
$script:Shapes = @{
    Bounce  = @{
        Columns = @('sender_identity', 'day', 'messageid', 'timestamp', 'source', 'sendingaccountid', 'subject', '_col7', '_col8', '_col9',
            '_col10', 'bouncetype', 'bouncesubtype', 'feedbackid', 'timestamp', 'reportingmta', 'action', 'status', 'diagnosticcode', 'emailaddress')
        Types   = @('varchar') * 20
    }
    Event   = @{ Columns = @('sender_identity', 'day', 'line'); Types = @('varchar') * 3 }
    Summary = @{
        Columns = @('sender_identity', 'day', 'event_type', '_col3', '_col4', '_col5', '_col6', '_col7')
        Types   = @('varchar', 'varchar', 'varchar', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint')
    }
}

# A new Athena fake on 127.0.0.1 (dispose it in AfterEach/AfterAll).
function New-AthenaFake {
    Import-TestFakes
    [SesAnalytics.Fakes.Athena.AthenaFake]::new()
}

# The fake's results for the module's bounce, event or summary query. -Add queues them for the next execution instead
# of replacing what every execution gets.
function Set-AthenaResult {
    param(
        [Parameter(Mandatory)] $Fake,
        [Parameter(Mandatory)] [ValidateSet('Bounce', 'Event', 'Summary')] [string] $Shape,
        [AllowEmptyCollection()] [object[]] $Row = @(),
        [int] $PageSize = 1000,
        [switch] $Add
    )
    $columns = [string[]]$script:Shapes[$Shape].Columns
    $types = [string[]]$script:Shapes[$Shape].Types
    if ($Add) { $Fake.AddResults($columns, $types, $Row, $PageSize) } else { $Fake.SetResults($columns, $types, $Row, $PageSize) }
}

# The JSON bodies of the requests the fake received for one Athena operation, parsed.
function Get-AthenaCall {
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [string] $Operation)
    foreach ($request in $Fake.CallsTo($Operation)) { $request.Body | ConvertFrom-Json -DateKind String }
}

# The rows Athena's bounce query gives for one SES record (JSON text) stored under an identity and day: one per
# bounced recipient, the columns as the module's query selects them.
function ConvertTo-BounceRow {
    param([Parameter(Mandatory)] [string] $Record, [Parameter(Mandatory)] [string] $Identity, [Parameter(Mandatory)] [datetime] $Day)
    $ses = $Record | ConvertFrom-Json -DateKind String
    $tags = $ses.mail.tags
    $first = { param($name) if ($tags.PSObject.Properties[$name]) { @($tags.$name)[0] } else { $null } }
    foreach ($recipient in $ses.bounce.bouncedRecipients) {
        , @($Identity, $Day.ToString('yyyy/MM/dd'), $ses.mail.messageId, $ses.mail.timestamp, $ses.mail.source, $ses.mail.sendingAccountId,
            $ses.mail.commonHeaders.subject, (& $first 'ses:configuration-set'), (& $first 'ses:source-ip'), (& $first 'ses:from-domain'),
            (& $first 'ses:outgoing-ip'), $ses.bounce.bounceType, $ses.bounce.bounceSubType, $ses.bounce.feedbackId, $ses.bounce.timestamp,
            $ses.bounce.reportingMTA, $recipient.action, $recipient.status, $recipient.diagnosticCode, $recipient.emailAddress)
    }
}

# The row Athena's event query gives for one SES record stored under an identity and day: the line as SES wrote it.
function ConvertTo-EventRow {
    param([Parameter(Mandatory)] [string] $Record, [Parameter(Mandatory)] [string] $Identity, [Parameter(Mandatory)] [datetime] $Day)
    , @($Identity, $Day.ToString('yyyy/MM/dd'), $Record)
}

# Each object as one line of "Property=value" text, dates and times in round-trip form: objects of two queries compare
# equal when their texts do, and a difference shows which property differs.
function ConvertTo-ComparableText {
    param([Parameter(Mandatory, ValueFromPipeline)] [AllowNull()] $InputObject, [Parameter(Mandatory)] [string[]] $Property)
    process {
        $item = $InputObject
        ($Property | ForEach-Object {
                $value = $item.$_
                $text = if ($value -is [datetime] -or $value -is [datetimeoffset] -or $value -is [DateOnly]) { $value.ToString('o', [cultureinfo]::InvariantCulture) }
                elseif ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) { @($value) -join ',' }
                else { "$value" }
                "$_=$text"
            }) -join '; '
    }
}

# Waits until a condition holds, polling; fails after a generous deadline rather than sleeping a fixed time.
function Wait-Until {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSeconds = 60, [string] $Because = 'the condition')
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([datetime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for $Because." }
        Start-Sleep -Milliseconds 20
    }
}

# Starts a script in its own runspace with the module imported, as a second console would run it; returns the
# PowerShell instance (its .Streams hold progress, verbose, errors) and the pending result. Stop it with .Stop(), as
# Ctrl+C does; dispose it afterwards.
function Start-CommandInRunspace {
    param([Parameter(Mandatory)] [string] $Script)
    $shell = [powershell]::Create()
    $null = $shell.AddScript("Import-Module '$(Get-ModuleManifestPath)' -ErrorAction Stop`n$Script")
    [pscustomobject]@{ Shell = $shell; Pending = $shell.BeginInvoke() }
}

# Runs a script to its end in its own runspace (Start-CommandInRunspace); returns the progress records and the
# errors it wrote.
function Invoke-CommandInRunspace {
    param([Parameter(Mandatory)] [string] $Script)
    $run = Start-CommandInRunspace $Script
    try {
        $null = $run.Shell.EndInvoke($run.Pending)
        [pscustomobject]@{ Progress = @($run.Shell.Streams.Progress); Errors = @($run.Shell.Streams.Error) }
    }
    finally { $run.Shell.Dispose() }
}

# Starts a script in its own runspace and presses Ctrl+C (PowerShell.Stop) once the fake's query has been polled
# twice (importing the module and starting take a while on a busy machine), as a user would; returns the runspace's
# State afterwards and how long the stop Took.
function Stop-CommandWhileQueryRuns {
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [string] $Script)
    $run = Start-CommandInRunspace $Script
    try {
        Wait-Until { $Fake.CallsTo('GetQueryExecution').Count -ge 2 } -Because 'the query to be polled twice'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $run.Shell.Stop()
        $took = $watch.Elapsed
        [pscustomobject]@{ State = $run.Shell.InvocationStateInfo.State; Took = $took }
    }
    finally { $run.Shell.Dispose() }
}

# The AWS parameters of a fake as a user types them on a command line (for scripts run elsewhere).
function Get-FakeAwsArgument {
    param([Parameter(Mandatory)] $Fake)
    "-EndpointUrl $($Fake.EndpointUrl) -AccessKey $([SesAnalytics.Fakes.LoopbackServer]::AccessKey) " +
    "-SecretKey '$([SesAnalytics.Fakes.LoopbackServer]::SecretKey)' -Region $([SesAnalytics.Fakes.LoopbackServer]::Region)"
}

# Registers the results of moto's next Athena query execution through moto's own API: the header row (the column
# names) first, as Athena returns a SELECT's, then the rows; $null is SQL NULL.
function Register-MotoAthenaResult {
    param(
        [Parameter(Mandatory)] $Moto,
        [Parameter(Mandatory)] [string[]] $Column,
        [Parameter(Mandatory)] [string[]] $Type,
        [AllowEmptyCollection()] [object[]] $Row = @()
    )
    $toRow = { param($values) @{ Data = @($values | ForEach-Object { if ($null -eq $_) { @{} } else { @{ VarCharValue = [string]$_ } } }) } }
    $rows = @(& $toRow $Column) + @($Row | ForEach-Object { & $toRow $_ })
    $info = for ($i = 0; $i -lt $Column.Count; $i++) { @{ Name = $Column[$i]; Label = $Column[$i]; Type = $Type[$i] } }
    $body = @{ results = @(@{ rows = $rows; column_info = @($info) }) } | ConvertTo-Json -Depth 10
    Invoke-RestMethod -Method Post -Uri "$($Moto.Endpoint)/moto-api/static/athena/query-results" -Body $body -ContentType 'application/json' | Out-Null
}

# Calls an operation of moto's Athena directly (moto checks no signature, but routes by the credential scope).
function Invoke-MotoAthena {
    param([Parameter(Mandatory)] $Moto, [Parameter(Mandatory)] [string] $Operation, [hashtable] $Body = @{})
    $headers = @{
        'X-Amz-Target' = "AmazonAthena.$Operation"
        Authorization  = "AWS4-HMAC-SHA256 Credential=$($Moto.AwsParameters.AccessKey)/20240308/us-east-1/athena/aws4_request, SignedHeaders=host, Signature=0"
    }
    Invoke-RestMethod -Method Post -Uri "$($Moto.Endpoint)/" -Headers $headers -Body ($Body | ConvertTo-Json) -ContentType 'application/x-amz-json-1.1'
}

# A shared credentials file with the profiles the help examples name (default and prod), holding the fakes' keys.
function New-AwsCredentialsFile {
    param([Parameter(Mandatory)] [string] $Folder)
    $path = Join-Path $Folder 'credentials'
    $key = [SesAnalytics.Fakes.LoopbackServer]::AccessKey
    $secret = [SesAnalytics.Fakes.LoopbackServer]::SecretKey
    Set-Content -LiteralPath $path -Value "[default]`naws_access_key_id = $key`naws_secret_access_key = $secret`n[prod]`naws_access_key_id = $key`naws_secret_access_key = $secret`n"
    $path
}

# The message id the help of Get-SesEvent follows through its life.
$script:ExampleMessageId = '0106018e1f0f23d1-60dd8a27-b3d5-47d3-9cd0-335ce124ebd0-000000'

# A store in which every -Path help example of the query commands finds something: today's events (the examples that
# default to yesterday and today) and March 2024's (the examples that name it).
function New-ExampleStore {
    param([Parameter(Mandatory)] [string] $Store)
    $today = (Get-Date).ToUniversalTime().Date
    $march = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $at = { param($day) $day.AddHours(9) }
    foreach ($day in $today, $march) {
        foreach ($identity in 'example.com', 'mail.example.com') {
            $recipients = 'someone@example.net', 'bounce@simulator.amazonses.com'
            Add-StoreObject $Store $identity Send $day ($recipients | ForEach-Object { New-SesTestRecord Send $identity $_ -Timestamp (& $at $day) }) | Out-Null
            Add-StoreObject $Store $identity Bounce $day @(New-SesTestRecord Bounce $identity 'bounce@simulator.amazonses.com' -Timestamp (& $at $day)) | Out-Null
        }
    }
    $click = [ordered]@{ timestamp = (& $at $today).ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); ipAddress = '192.0.2.1'; userAgent = 'Mozilla/5.0'; link = 'https://example.com/offer'; linkTags = @{} }
    Add-StoreObject $Store example.com Click $today @(New-SesTestRecord Click example.com someone@example.net -Timestamp (& $at $today) -Detail $click) | Out-Null
    $delay = [ordered]@{
        timestamp = (& $at $today).ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); delayType = 'MailboxFull'; expirationTime = (& $at $today).AddDays(1).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
        delayedRecipients = @([ordered]@{ emailAddress = 'someone@example.net'; status = '4.2.2'; diagnosticCode = 'smtp; 452 4.2.2 mailbox full' })
    }
    Add-StoreObject $Store example.com DeliveryDelay $today @(New-SesTestRecord DeliveryDelay example.com someone@example.net -Timestamp (& $at $today) -Detail $delay) | Out-Null
    $followed = foreach ($type in 'Send', 'Delivery') {
        $record = New-SesTestRecord $type example.com someone@example.net -Timestamp (& $at $march) | ConvertFrom-Json -AsHashtable -DateKind String
        $record.mail.messageId = $script:ExampleMessageId
        [pscustomobject]@{ Type = $type; Line = $record | ConvertTo-Json -Depth 10 -Compress }
    }
    foreach ($f in $followed) { Add-StoreObject $Store example.com $f.Type $march @($f.Line) | Out-Null }
}

# Sets the fake's results for a help example: for each query command the example names, in order, rows of the shape
# that command's query returns.
function Set-ExampleResult {
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [string] $Code)
    $day = [datetime]::new(2024, 3, 8, 0, 0, 0, [DateTimeKind]::Utc)
    $bounce = New-SesTestRecord Bounce example.com bounce@simulator.amazonses.com
    $send = New-SesTestRecord Send example.com bounce@simulator.amazonses.com
    $first = $true
    foreach ($match in [regex]::Matches($Code, 'Get-SesBounce|Get-SesEventSummary|Get-SesEvent\b|Invoke-SesAthenaQuery')) {
        $results = switch ($match.Value) {
            'Get-SesBounce' { @{ Shape = 'Bounce'; Row = @(ConvertTo-BounceRow $bounce example.com $day) } }
            'Get-SesEvent' { @{ Shape = 'Event'; Row = @((ConvertTo-EventRow $send example.com $day), (ConvertTo-EventRow $bounce example.com $day)) } }
            'Get-SesEventSummary' { @{ Shape = 'Summary'; Row = @(, @('example.com', '2024/03/08', 'Send', 2, 2, 0, 0, 0)) + @(, @('example.com', '2024/03/08', 'Bounce', 1, 1, 1, 1, 0)) } }
            'Invoke-SesAthenaQuery' { $null }
        }
        if ($results) {
            Set-AthenaResult -Fake $Fake @results -Add:(-not $first)
        }
        else {
            $rows = @(, @('Bounce', 2)) + @(, @('Send', 10))
            if ($first) { $Fake.SetResults(@('event_type', 'events'), @('varchar', 'bigint'), $rows) } else { $Fake.AddResults(@('event_type', 'events'), @('varchar', 'bigint'), $rows) }
        }
        $first = $false
    }
}

# Runs a help example as a user types it, with only paths and AWS parameters adapted: ./ses-store is -Store, and the
# AWS parameters the example leaves out (the endpoint, the credentials file holding the profiles it names) come from
# $PSDefaultParameterValues. Returns everything it wrote, every stream merged.
function Invoke-HelpExample {
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $Store,
        [Parameter(Mandatory)] $Fake,
        [Parameter(Mandatory)] [string] $CredentialsFile
    )
    $PSDefaultParameterValues = @{
        '*-Ses*:EndpointUrl'     = $Fake.EndpointUrl
        '*-Ses*:ProfileLocation' = $CredentialsFile
        '*-Ses*:ProfileName'     = 'default'
        '*-Ses*:Region'          = 'us-east-1'
    }
    $adapted = $Code.Replace('./ses-store', "'$Store'")
    & ([scriptblock]::Create($adapted)) *>&1
}

# Runs one help example of a query command against a new Athena fake (answering with Set-ExampleResult's rows) and
# asserts what every such example shows: the example names the command, writes no error record and never shows the
# fakes' secret key; with -ExpectOutput, it writes something besides information. -Then receives the fake and the
# output (every stream merged) for the example's own assertions; the fake is disposed afterwards.
function Test-AthenaHelpExample {
    param(
        [Parameter(Mandatory)] [string] $Command,
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $Store,
        [Parameter(Mandatory)] [string] $CredentialsFile,
        [string[]] $BucketIdentities,
        [switch] $ExpectOutput,
        [scriptblock] $Then
    )
    $fake = New-AthenaFake
    if ($BucketIdentities) { $fake.BucketIdentities = $BucketIdentities }
    try {
        $Code | Should -Match "$([regex]::Escape($Command))\b"
        Set-ExampleResult $fake $Code
        $output = @(Invoke-HelpExample -Code $Code -Store $Store -Fake $fake -CredentialsFile $CredentialsFile)

        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        if ($ExpectOutput) { $output | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] } | Should -Not -BeNullOrEmpty }
        ($output | Out-String) | Should -Not -Match ([regex]::Escape([SesAnalytics.Fakes.LoopbackServer]::SecretKey))
        if ($Then) { & $Then $fake $output }
    }
    finally { $fake.Dispose() }
}

# Asserts that every request a fake received was signed with the fakes' access key for -Region (and -Service, when
# given) in its credential scope.
function Assert-FakeRequestScope {
    param([Parameter(Mandatory)] $Fake, [string] $Region = 'us-east-1', [string] $Service)
    $scope = "Credential=$([SesAnalytics.Fakes.LoopbackServer]::AccessKey)/\d{8}/$Region/" + ($Service ? "$Service/" : '')
    $Fake.Requests | ForEach-Object { $_.Authorization | Should -Match $scope }
}

Export-ModuleMember -Function *
