using System.Management.Automation;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// -StackName: text, or any object with a StackName property (the stack from Get-SesAnalyticsStack, a record naming
/// its stack). Taking such an object by value lets it choose the stack set before its other properties are bound:
/// by property name alone, an object with StackName and MessageId bound MessageId in the default -Path set first and
/// then lacked a -Path.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class StackNameArgumentAttribute : TextArgumentAttribute
{
    protected override string Expected => "a stack name: give the name as text, or the stack from Get-SesAnalyticsStack";

    protected override string? FromObject(PSObject input) =>
        input.Properties["StackName"]?.Value is { } name ? PSObject.AsPSObject(name).BaseObject as string : null;
}
