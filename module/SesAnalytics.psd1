@{
    RootModule           = 'SesAnalytics.Cmdlets.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '5b7f2c1e-3d2a-4f55-9a8e-2f1d7c6b9e41'
    Author               = 'SesAnalytics contributors'
    CompanyName          = 'SesAnalytics'
    Copyright            = '(c) SesAnalytics contributors. MIT License.'
    Description          = 'See what happened to your Amazon SES mail. Deploys an SES event pipeline (configuration set, Kinesis Data Firehose with dynamic partitioning, S3, Athena with partition projection) and answers bounce, event and reputation questions as typed objects, in the cloud or offline on a local copy of the bucket with embedded DuckDB.'
    PowerShellVersion    = '7.4'
    # Loaded first: it points the engine's name at a private load context before the cmdlets are analysed.
    NestedModules        = @('SesAnalytics.Loader.dll')
    FormatsToProcess     = @('SesAnalytics.format.ps1xml')
    CmdletsToExport      = @(
        'Add-SesSuppressedAddress'
        'Export-SesAnalyticsTemplate'
        'Export-SesReport'
        'Get-SesAnalyticsStack'
        'Get-SesAwsContext'
        'Get-SesBounce'
        'Get-SesClickedLink'
        'Get-SesConfigSetDestination'
        'Get-SesDeliveryTime'
        'Get-SesEngagement'
        'Get-SesEvent'
        'Get-SesEventCache'
        'Get-SesEventObject'
        'Get-SesEventSummary'
        'Get-SesFailureSummary'
        'Get-SesSuppressedAddress'
        'Import-SesEvent'
        'Invoke-SesAthenaQuery'
        'New-SesAnalyticsStack'
        'New-SesSampleEvent'
        'Read-SesEventObject'
        'Remove-SesAnalyticsStack'
        'Remove-SesEventCache'
        'Remove-SesSuppressedAddress'
        'Save-SesEventObject'
        'Send-SesSimulatorEmail'
        'Set-SesConfigSetDestination'
        'Test-SesReputation'
        'Update-SesEventCache'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'SES', 'SimpleEmailService', 'Email', 'Bounce', 'Complaint', 'Firehose', 'Athena', 'DuckDB', 'Analytics', 'Linux', 'MacOS', 'Windows', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/sesanalytics/SesAnalytics'
            LicenseUri   = 'https://github.com/sesanalytics/SesAnalytics/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/sesanalytics/SesAnalytics/blob/main/CHANGELOG.md'
        }
    }
}
