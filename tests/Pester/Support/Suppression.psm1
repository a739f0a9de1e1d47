# What the suppression-list commands' Pester files share (Get-, Add-, Remove-SesSuppressedAddress): the SES v2 fake
# (hosted by the CloudFormation fake, on 127.0.0.1), a local store of bounces, complaints and deliveries two days old,
# the fake's list as the help examples expect it, and a help example run as a user types it.
#   BeforeAll { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force; Import-Module "$PSScriptRoot/Support/Suppression.psm1" -Force }

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# A fake whose .Ses answers the suppression list; Dispose() it after use.
function New-SuppressionFake {
    Import-TestFakes
    [SesAnalytics.Fakes.CloudFormation.CloudFormationFake]::new()
}

# The suppression-list calls a fake received, as "METHOD path after /v2/email/".
function Get-SuppressionCall {
    param([Parameter(Mandatory)] $Fake)
    @($Fake.Ses.Calls | Where-Object { $_ -like '* suppression/*' })
}

# A store at -Folder/ses-store with, on -Day, example.com's permanent bounces (hard1@, hard2@), a transient one (soft@),
# complaints (angry@, angry2@), and deliveries to old-suppressed@ and recent@. Returns what it wrote, by kind.
function New-SuppressionExampleStore {
    param([Parameter(Mandatory)] [string] $Folder, [Parameter(Mandatory)] [datetime] $Day)
    $store = Join-Path $Folder 'ses-store'
    $data = [pscustomobject]@{
        Store      = $store
        Permanent  = @('hard1@example.net', 'hard2@example.net')
        Transient  = @('soft@example.net')
        Complaints = @('angry@example.net', 'angry2@example.net')
        Deliveries = @('old-suppressed@example.net', 'recent@example.net')
    }
    $bounces = @($data.Permanent | ForEach-Object { New-SesTestRecord Bounce example.com $_ -Timestamp $Day }) +
        @($data.Transient | ForEach-Object { New-SesTestRecord Bounce example.com $_ -BounceType Transient -Timestamp $Day })
    Add-StoreObject $store example.com Bounce $Day $bounces | Out-Null
    Add-StoreObject $store example.com Complaint $Day @($data.Complaints | ForEach-Object { New-SesTestRecord Complaint example.com $_ -Timestamp $Day }) | Out-Null
    Add-StoreObject $store example.com Delivery $Day @($data.Deliveries | ForEach-Object { New-SesTestRecord Delivery example.com $_ -Timestamp $Day }) | Out-Null
    $data
}

# The fake's list as the examples expect it: hard1@ and angry@ suppressed already, old-suppressed@ since 2024 (before
# its delivery), recent@ since after its delivery, bounced@example.com with its ids, march@example.com in March 2024.
function Set-SuppressionExampleList {
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [datetime] $Day)
    $Fake.Ses.SuppressedAddresses.Clear()
    $Fake.Ses.Suppress('hard1@example.net', 'BOUNCE', $Day.AddHours(1))
    $Fake.Ses.Suppress('angry@example.net', 'COMPLAINT', $Day.AddHours(1))
    $Fake.Ses.Suppress('old-suppressed@example.net', 'BOUNCE', [datetime]::new(2024, 1, 5, 0, 0, 0, [DateTimeKind]::Utc))
    $Fake.Ses.Suppress('recent@example.net', 'BOUNCE', $Day.AddDays(1))
    $Fake.Ses.Suppress('bounced@example.com', 'BOUNCE', [datetime]::new(2024, 2, 1, 9, 30, 0, [DateTimeKind]::Utc), '0100018d-bounced', 'feedback-bounced')
    $Fake.Ses.Suppress('march@example.com', 'COMPLAINT', [datetime]::new(2024, 3, 15, 12, 0, 0, [DateTimeKind]::Utc))
}

# Runs a help example in -Folder (where ./ses-store is) as a user types it, every SesAnalytics command pointed at the
# fake as a user's $PSDefaultParameterValues would, the suppression-list commands at 100 calls a second. Returns every
# stream, merged.
function Invoke-SuppressionHelpExample {
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [string] $Folder)
    $PSDefaultParameterValues = @{
        '*-Ses*:EndpointUrl'                         = $Fake.EndpointUrl
        '*-Ses*:AccessKey'                           = [SesAnalytics.Fakes.LoopbackServer]::AccessKey
        '*-Ses*:SecretKey'                           = [SesAnalytics.Fakes.LoopbackServer]::SecretKey
        '*-Ses*:Region'                              = [SesAnalytics.Fakes.LoopbackServer]::Region
        '*-SesSuppressedAddress:RequestsPerSecond'   = 100
    }
    Push-Location -LiteralPath $Folder
    try { & ([scriptblock]::Create($Code)) *>&1 }
    finally { Pop-Location }
}

Export-ModuleMember -Function *
