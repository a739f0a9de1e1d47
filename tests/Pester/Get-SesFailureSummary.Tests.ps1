# Get-SesFailureSummary -Path: failures by kind, type and normalised reason from a local store, with DuckDB. Expected
# values are worked out here from the records written. The cloud sets are in Get-SesFailureSummary.Cloud.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $examples = @(Get-HelpExampleTestCase Get-SesFailureSummary -Minimum 4 | Where-Object { $_.Code -match 'ses-store' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force
    Import-SesAnalyticsModule
    $PSStyle.OutputRendering = 'PlainText'

    $store = New-TestFolder failures
    $day = [datetime]'2024-03-08'
    $stamp = '2024-03-08T10:00:00.000Z'
    function New-Bounce([string] $Identity, [string] $Id, [string] $Type, [string] $SubType, [object[]] $Recipients) {
        $detail = [ordered]@{
            bounceType = $Type; bounceSubType = $SubType; timestamp = $stamp; feedbackId = "f-$Id"
            bouncedRecipients = @($Recipients | ForEach-Object { [ordered]@{ emailAddress = $_[0]; action = 'failed'; status = $_[1]; diagnosticCode = $_[2] } })
        }
        $record = New-SesTestRecord Bounce $Identity $Recipients[0][0] -Detail $detail | ConvertFrom-Json -AsHashtable -DateKind String
        $record.mail.messageId = $Id
        $record | ConvertTo-Json -Depth 10 -Compress
    }
    # The same hard bounce worded four ways, from two identities; a soft bounce; a delay; a reject; a rendering failure.
    Add-StoreObject $store example.com Bounce $day @(
        New-Bounce example.com m1 Permanent General (@(, @('x@gmail.com', '5.1.1', 'smtp; 550 5.1.1 <x@gmail.com>... User unknown')) + @(, @('y@gmail.com', '5.1.1', 'smtp; 550 5.1.1 <y@gmail.com>... User unknown')))
        New-Bounce example.com m2 Permanent General @(, @('z@yahoo.com', $null, 'smtp;550 5.1.1 user unknown'))
        New-Bounce example.com m3 Transient MailboxFull @(, @('full@outlook.com', '5.2.2', 'smtp; 552 5.2.2 <full@outlook.com>: Recipient address rejected: Mailbox full'))
    ) | Out-Null
    Add-StoreObject $store mail.example.org Bounce $day @(
        New-Bounce mail.example.org m4 Permanent General @(, @('w@gmail.com', '5.1.1', '550 5.1.1 User Unknown'))
    ) | Out-Null
    $delay = [ordered]@{ timestamp = $stamp; delayType = 'MailboxFull'; expirationTime = $stamp; delayedRecipients = @([ordered]@{ emailAddress = 'late@example.net'; status = '4.2.2'; diagnosticCode = 'smtp; 452 4.2.2 mailbox full' }) }
    Add-StoreObject $store example.com DeliveryDelay $day @(New-SesTestRecord DeliveryDelay example.com late@example.net -Detail $delay) | Out-Null
    Add-StoreObject $store example.com Reject $day @(New-SesTestRecord Reject example.com v@example.net -Detail ([ordered]@{ reason = 'Bad content' })) | Out-Null
    Add-StoreObject $store example.com 'Rendering Failure' $day @(
        (New-SesTestRecord 'Rendering Failure' example.com t@example.net) -replace '"eventType":"Rendering Failure"', '"eventType":"Rendering Failure","failure":{"templateName":"Welcome","errorMessage":"Attribute ''name'' is not present in the rendering data."}'
    ) | Out-Null
    $range = @{ From = '2024-03-08'; To = '2024-03-08' }
}

AfterAll { Remove-TestFolder $store }

Describe 'Get-SesFailureSummary -Path' {
    It 'groups the wordings of one bounce together, across identities with -GroupBy ConfigurationSet, most recipients first' {
        $rows = @(Get-SesFailureSummary $store -GroupBy ConfigurationSet @range)

        $rows | ForEach-Object { '{0} {1} {2}/{3} [{4}] {5}: {6} events, {7} recipients; {8}' -f $_.Group, $_.Kind, $_.Type, $_.SubType, $_.Status, $_.Reason, $_.Events, $_.Recipients, $_.RecipientDomains } |
            Should -Be @(
                'default-1 Bounce Permanent/General [5.1.1] 550 5.1.1 user unknown: 3 events, 4 recipients; gmail.com (3); yahoo.com (1)'
                'default-1 Bounce Transient/MailboxFull [5.2.2] 552 5.2.2 recipient address rejected: mailbox full: 1 events, 1 recipients; outlook.com (1)'
                'default-1 DeliveryDelay MailboxFull/ [4.2.2] 452 4.2.2 mailbox full: 1 events, 1 recipients; example.net (1)'
                'default-1 Reject / [] Bad content: 1 events, 1 recipients; example.net (1)'
                "default-1 RenderingFailure / [] Welcome: Attribute 'name' is not present in the rendering data.: 1 events, 1 recipients; example.net (1)"
            )
        $rows[0].Day | Should -Be ([datetime]'2024-03-08')
        $rows[0].ConfigurationSet | Should -Be 'default-1'
        $rows[0].Identity | Should -BeNullOrEmpty
    }

    It 'filters kinds, groups by identity by default, and sums over the range with -Total' {
        $rows = @(Get-SesFailureSummary $store Bounce -Total @range)

        $rows | ForEach-Object { "$($_.Identity) $($_.Type) $($_.Recipients)" } | Should -Be @('example.com Permanent 3', 'example.com Transient 1', 'mail.example.org Permanent 1')
        $rows | Where-Object Day | Should -BeNullOrEmpty
        ($rows.Kind | Select-Object -Unique) | Should -Be 'Bounce'
    }

    It 'counts each failed recipient in its own domain with -GroupBy RecipientDomain' {
        $rows = @(Get-SesFailureSummary $store -Kind Bounce -GroupBy RecipientDomain @range)

        $rows | ForEach-Object { "$($_.RecipientDomain) $($_.Reason) $($_.Events)/$($_.Recipients)" } |
            Should -Be @('gmail.com 550 5.1.1 user unknown 2/3', 'outlook.com 552 5.2.2 recipient address rejected: mailbox full 1/1', 'yahoo.com 550 5.1.1 user unknown 1/1')
    }

    It 'renders a table within 79 columns and a list of every property' {
        $rows = @(Get-SesFailureSummary $store @range)
        $table = Get-ViewText $rows -Width 80
        $table -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 79 } | Should -BeNullOrEmpty
        $table | Should -Match 'Day\s+Group\s+Kind\s+Type\s+Rcpts\s+Reason'
        $table | Should -Match '2024-03-08\s+example\.com\s+Bounce\s+Permanent\s+3 550 5\.1\.1 user unknown'
        $table | Should -Match 'Delay\s+MailboxF'
        Assert-ViewText $rows -View List -Match 'RecipientDomains : gmail\.com \(2\); yahoo\.com \(1\)', 'Status\s+: 5\.1\.1'
    }

    It 'exports flat CSV' {
        $csv = Get-SesFailureSummary $store Reject @range | ConvertTo-Csv
        $csv[0] | Should -Match '"Kind","Type","SubType","Reason","Status","Events","Recipients","RecipientDomains"'
        $csv[1] | Should -Match '"Reject",,,"Bad content",,"1","1","example\.net \(1\)"'
    }
}

Describe 'Get-SesFailureSummary help example' {
    It '<Title>' -ForEach $examples {
        $output = & ([scriptblock]::Create($Code.Replace('./ses-store', "'$store'").Replace('2024-03-09', '2024-03-08'))) *>&1
        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
    }
}
