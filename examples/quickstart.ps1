# The SesAnalytics offline quick start. Run it where PowerShell is installed:
#     pwsh ./examples/quickstart.ps1
# or, on a machine with only the .NET SDK, through the host:
#     dotnet run --project src/SesAnalytics.Host -- examples/quickstart.ps1

if (-not (Get-Module SesAnalytics)) {
    Import-Module (Join-Path $PSScriptRoot '../out/SesAnalytics') -ErrorAction Stop
}

Get-Command -Module SesAnalytics | ForEach-Object {
    [pscustomobject]@{ Command = $_.Name; Synopsis = (Get-Help $_.Name).Synopsis }
}
