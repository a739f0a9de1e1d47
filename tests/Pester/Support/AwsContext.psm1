# What the Pester files of the AWS parameters share (AwsContextMissing, AwsParameters): a fresh pwsh as on a new
# machine, whose home folder is empty and which has no AWS_* variable, and whose instance metadata endpoint is a closed
# port on 127.0.0.1 (so the SDK's default chain runs to its end, as off EC2, and nothing leaves the machine).
#   BeforeAll { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force; Import-Module "$PSScriptRoot/Support/AwsContext.psm1" -Force }

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

# Runs scenarios in a fresh pwsh with the module imported, HOME at an empty folder and no AWS_* variable but those of
# -Environment. Each scenario line is `Show '<label>' { <commands> }`; the result of each, by label: Output (the
# properties of each object, its 80-column table and its string), Warnings (messages), Errors (id, category, target,
# message and the whole error as PowerShell prints it), terminating or not. Output is all the process wrote; HomeItems
# what it left in the home folder.
function Invoke-FreshMachine {
    param([Parameter(Mandatory)] [string] $Scenario, [hashtable] $Environment = @{})
    $homeFolder = New-TestFolder fresh-home
    try {
        $metadata = "http://127.0.0.1:$(Get-FreeTcpPort)"
        $settings = @{ AWS_EC2_METADATA_SERVICE_ENDPOINT = $metadata } + $Environment | ConvertTo-Json -Compress
        $script = @"
Get-ChildItem env:AWS_* | Remove-Item
`$env:HOME = '$($homeFolder -replace "'", "''")'
`$env:USERPROFILE = `$env:HOME
`$settings = '$($settings -replace "'", "''")' | ConvertFrom-Json -AsHashtable
foreach (`$name in `$settings.Keys) { Set-Item "env:`$name" `$settings[`$name] }
Import-Module '$((Get-ModuleManifestPath) -replace "'", "''")' -ErrorAction Stop
function Show([string] `$Label, [scriptblock] `$Commands) {
    `$record = [ordered]@{ Label = `$Label; Output = @(); Warnings = @(); Errors = @() }
    `$describe = { param(`$e) [ordered]@{ Id = `$e.FullyQualifiedErrorId; Category = "`$(`$e.CategoryInfo.Category)"; Target = "`$(`$e.TargetObject)"; Message = `$e.Exception.Message; Text = (`$e | Out-String -Width 200) } }
    try {
        foreach (`$item in @(& `$Commands 3>&1 2>&1)) {
            if (`$item -is [Management.Automation.WarningRecord]) { `$record.Warnings += `$item.Message }
            elseif (`$item -is [Management.Automation.ErrorRecord]) { `$record.Errors += & `$describe `$item }
            elseif (`$item -is [string] -or `$item -is [ValueType]) { `$record.Output += `$item }
            else {
                `$shown = [ordered]@{}
                foreach (`$property in `$item.PSObject.Properties) { `$shown[`$property.Name] = `$property.Value }
                `$shown['Table'] = `$item | Format-Table | Out-String -Width 80
                `$shown['String'] = "`$item"
                `$shown['TypeNames'] = @(`$item.PSObject.TypeNames)
                `$record.Output += `$shown
            }
        }
    }
    catch { `$record.Errors += & `$describe `$_ }
    `$record
}
`$results = @(
$Scenario
)
'RESULT:' + (ConvertTo-Json -InputObject `$results -Depth 6 -Compress)
"@
        $run = Invoke-FreshPwsh -Script $script
        $line = $run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -Last 1
        $byLabel = @{}
        if ($line) { $line.Substring(7) | ConvertFrom-Json | ForEach-Object { $byLabel[$_.Label] = $_ } }
        [pscustomobject]@{
            ExitCode  = $run.ExitCode
            Output    = $run.Output
            Result    = $byLabel
            HomeItems = @(Get-ChildItem -LiteralPath $homeFolder -Force -Recurse | ForEach-Object FullName)
        }
    }
    finally { Remove-TestFolder $homeFolder }
}

# A help example's code as one scenario line for Invoke-FreshMachine, carried in base64 so no quoting can break it.
function ConvertTo-ScenarioLine {
    param([Parameter(Mandatory)] [string] $Label, [Parameter(Mandatory)] [string] $Code)
    $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Code))
    "Show '$($Label -replace "'", "''")' { & ([scriptblock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('$encoded')))) }"
}

Export-ModuleMember -Function Invoke-FreshMachine, ConvertTo-ScenarioLine
