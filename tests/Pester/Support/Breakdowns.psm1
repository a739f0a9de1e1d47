# What the breakdown tests (Get-SesEventSummary -GroupBy, Test-SesReputation) share: a store of records with several
# recipients, domains, tags and configuration sets, and the expected counts worked out by walking those records in
# PowerShell, independently of the module.
#   BeforeAll { Import-Module "$PSScriptRoot/Support/Breakdowns.psm1" -Force }   (after TestSupport.psm1)

Set-StrictMode -Version Latest

# One record as SES writes it, to any number of recipients, with mail tags (name = value).
function New-BreakdownRecord {
    param(
        [Parameter(Mandatory)] [string] $EventType,
        [Parameter(Mandatory)] [string] $Identity,
        [Parameter(Mandatory)] [string[]] $Recipient,
        [hashtable] $Tag = @{},
        [string] $BounceType = 'Permanent',
        [string] $Source
    )
    $record = New-SesTestRecord $EventType $Identity $Recipient[0] -BounceType $BounceType | ConvertFrom-Json -AsHashtable -DateKind String
    $record.mail.destination = @($Recipient)
    $record.mail.tags.Remove('ses:configuration-set')
    foreach ($name in $Tag.Keys) { $record.mail.tags[$name] = @($Tag[$name]) }
    if ($Source) { $record.mail.source = $Source }
    switch ($EventType) {
        'Bounce' { $record.bounce.bouncedRecipients = @($Recipient | ForEach-Object { @{ emailAddress = $_; action = 'failed'; status = '5.1.1' } }) }
        'Complaint' { $record.complaint.complainedRecipients = @($Recipient | ForEach-Object { @{ emailAddress = $_ } }) }
        'Delivery' { $record.delivery.recipients = @($Recipient) }
    }
    $record | ConvertTo-Json -Depth 10 -Compress
}

# Writes the records of the breakdown store and returns them as objects (Identity, Day, Type, Json).
function New-BreakdownStore {
    param([Parameter(Mandatory)] [string] $Store, [Parameter(Mandatory)] [datetime] $Day)
    $spring = @{ campaign = 'spring'; 'ses:configuration-set' = 'marketing' }
    $fall = @{ campaign = 'fall'; 'ses:configuration-set' = 'transactional' }
    $record = { param($Identity, $At, $Type, $Line) [pscustomobject]@{ Identity = $Identity; Day = $At; Type = $Type; Line = $Line } }
    $records = @(
        & $record a.example $Day Send (New-BreakdownRecord Send a.example 'x@Gmail.com', 'y@yahoo.com' -Tag $spring)
        & $record a.example $Day Send (New-BreakdownRecord Send a.example 'z@gmail.com' -Tag $fall)
        & $record a.example $Day Send (New-BreakdownRecord Send a.example 'u@gmail.com', 'v@gmail.com', 'w@outlook.com' -Tag $spring -Source '"News" <news@News.Example>')
        & $record b.example $Day Send (New-BreakdownRecord Send b.example 'q@gmail.com', 'r@xn--bcher-kva.example' -Tag @{ Campaign = 'spring' })
        & $record a.example $Day Bounce (New-BreakdownRecord Bounce a.example 'x@Gmail.com', 'u@gmail.com' -Tag $spring)
        & $record a.example $Day Bounce (New-BreakdownRecord Bounce a.example 'y@yahoo.com' -Tag $spring -BounceType Transient)
        & $record b.example $Day Complaint (New-BreakdownRecord Complaint b.example 'q@gmail.com' -Tag @{ Campaign = 'spring' })
        & $record a.example $Day Delivery (New-BreakdownRecord Delivery a.example 'z@gmail.com' -Tag $fall)
        & $record a.example $Day.AddDays(-1) Send (New-BreakdownRecord Send a.example 'p@gmail.com', 'o@gmail.com' -Tag $spring)
        & $record a.example $Day.AddDays(-1) Bounce (New-BreakdownRecord Bounce a.example 'p@gmail.com' -Tag $spring)
    )
    foreach ($group in ($records | Group-Object { "$($_.Identity)|$($_.Day.ToString('yyyy-MM-dd'))|$($_.Type)" })) {
        $first = $group.Group[0]
        Add-StoreObject $Store $first.Identity $first.Type $first.Day @($group.Group.Line) | Out-Null
    }
    foreach ($r in $records) { [pscustomobject]@{ Identity = $r.Identity; Day = $r.Day; Type = $r.Type; Json = ($r.Line | ConvertFrom-Json -AsHashtable -DateKind String) } }
}

# A recipient's domain as the module groups it: after the @, lower-case, in Unicode.
function Get-RecipientDomain {
    param([string] $Address)
    if ($Address -notmatch '@([^@<>\s]+)>?\s*$') { return $null }
    [Globalization.IdnMapping]::new().GetUnicode($Matches[1].ToLowerInvariant())
}

# The recipients an event is about: bounced, complained, delivered, else every recipient of the message.
function Get-EventRecipient {
    param([Parameter(Mandatory)] $Record)
    switch ($Record.Type) {
        'Bounce' { @($Record.Json.bounce.bouncedRecipients.emailAddress) }
        'Complaint' { @($Record.Json.complaint.complainedRecipients.emailAddress) }
        'Delivery' { @($Record.Json.delivery.recipients) }
        default { @($Record.Json.mail.destination) }
    }
}

# The value of one -GroupBy key for a record (and a recipient domain, when grouped by it); tags matched without case.
function Get-GroupValue {
    param([Parameter(Mandatory)] $Record, [Parameter(Mandatory)] [string] $Key, [string] $Domain)
    $tags = @{}
    foreach ($name in $Record.Json.mail.tags.Keys) { $tags[$name.ToLowerInvariant()] = @($Record.Json.mail.tags[$name])[0] }
    switch -Regex ($Key) {
        '^Identity$' { $Record.Identity }
        '^ConfigurationSet$' { $tags['ses:configuration-set'] }
        '^RecipientDomain$' { $Domain }
        '^FromDomain$' { if ($tags['ses:from-domain']) { $tags['ses:from-domain'] } else { Get-RecipientDomain $Record.Json.mail.source } }
        '^Tag:(.+)$' { $tags[$Matches[1].ToLowerInvariant()] }
    }
}

# The expected summaries of -GroupBy over the records of -Day (or of all days with -Total): per group, the events
# touching it and their recipients in it; Group is the values joined by ' / ', a missing one '-'.
function Get-ExpectedSummary {
    param([Parameter(Mandatory)] [object[]] $Record, [Parameter(Mandatory)] [string[]] $GroupBy, [datetime[]] $Day)
    $rows = @{}
    foreach ($r in $Record | Where-Object { -not $Day -or $_.Day -in $Day }) {
        $recipients = @(Get-EventRecipient $r)
        $parts = if ($GroupBy -contains 'RecipientDomain') {
            $recipients | Group-Object { Get-RecipientDomain $_ } | ForEach-Object { @{ Domain = $_.Name; Count = $_.Count } }
        }
        else { @{ Domain = $null; Count = $recipients.Count } }
        foreach ($part in $parts) {
            $group = ($GroupBy | ForEach-Object { $v = Get-GroupValue $r $_ $part.Domain; if ($v) { $v } else { '-' } }) -join ' / '
            if (-not $rows[$group]) { $rows[$group] = [ordered]@{ Group = $group; Sends = 0; SentRecipients = 0; Bounces = 0; HardBouncedRecipients = 0; Complaints = 0; ComplainedRecipients = 0; Deliveries = 0 } }
            $row = $rows[$group]
            switch ($r.Type) {
                'Send' { $row.Sends++; $row.SentRecipients += $part.Count }
                'Bounce' { $row.Bounces++; if ($r.Json.bounce.bounceType -eq 'Permanent') { $row.HardBouncedRecipients += $part.Count } }
                'Complaint' { $row.Complaints++; $row.ComplainedRecipients += $part.Count }
                'Delivery' { $row.Deliveries++ }
            }
        }
    }
    $rows.Values | ForEach-Object { [pscustomobject]$_ } | Sort-Object { $_.Group } -Culture ([cultureinfo]::InvariantCulture)
}

# The rows Athena's grouped summary statement gives for the records (of -Day): per identity, day, event type and the
# values of the keys other than Identity (a recipient domain lower-case as SES wrote it, '' for none), the events, their
# recipients in the group, the permanent bounces and their recipients. With -Plain, the rows of the plain per-identity
# statement instead.
function ConvertTo-GroupedAthenaRow {
    param([Parameter(Mandatory)] [object[]] $Record, [string[]] $GroupBy = @(), [datetime[]] $Day, [switch] $Plain)
    $keys = @($GroupBy | Where-Object { $_ -ne 'Identity' })
    $rows = [ordered]@{}
    foreach ($r in $Record | Where-Object { -not $Day -or $_.Day -in $Day } | Sort-Object { $_.Day }, { $_.Identity }) {
        $recipients = @(Get-EventRecipient $r)
        $parts = if ($keys -contains 'RecipientDomain') {
            $recipients | Group-Object { if ($_ -match '@([^@<>\s]+)>?\s*$') { $Matches[1].ToLowerInvariant() } else { '' } } | ForEach-Object { @{ Domain = $_.Name; Count = $_.Count } }
        }
        else { @{ Domain = $null; Count = $recipients.Count } }
        $permanent = $r.Type -eq 'Bounce' -and $r.Json.bounce.bounceType -eq 'Permanent'
        foreach ($part in $parts) {
            $values = @($keys | ForEach-Object { Get-GroupValue $r $_ $part.Domain })
            $id = (@($r.Identity, $r.Day.ToString('yyyy/MM/dd'), $r.Type) + $values) -join '|'
            if (-not $rows[$id]) { $rows[$id] = @{ Head = @($r.Identity, $r.Day.ToString('yyyy/MM/dd'), $r.Type) + $values; Events = 0; N = 0; Hard = 0; HardN = 0; Sent = 0; Complained = 0 } }
            $row = $rows[$id]
            $row.Events++; $row.N += $part.Count
            if ($permanent) { $row.Hard++; $row.HardN += $part.Count }
            if ($r.Type -eq 'Send') { $row.Sent += $part.Count }
            if ($r.Type -eq 'Complaint') { $row.Complained += $part.Count }
        }
    }
    foreach ($row in $rows.Values) {
        if ($Plain) { , @($row.Head + @($row.Events, $row.Sent, $row.Hard, $row.HardN, $row.Complained)) }
        else { , @($row.Head + @($row.Events, $row.N, $row.Hard, $row.HardN)) }
    }
}

Export-ModuleMember -Function *
