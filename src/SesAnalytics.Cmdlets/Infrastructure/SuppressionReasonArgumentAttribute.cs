using System.Management.Automation;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// A -Reason as typed (BOUNCE, COMPLAINT in any case) or as bound from a piped object's EventType (Bounce, Complaint)
/// or BounceType (Permanent, Transient, Undetermined), made SES's word. Anything else (a piped Delivery) fails the
/// binding of that one object, with a message that says what to pipe instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SuppressionReasonArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        string text = value?.ToString() ?? string.Empty;
        if (text.Length == 0)
        {
            // PowerShell transforms the parameter's empty default too; it stays empty.
            return value;
        }

        return SuppressionReasons.FromValue(text)
            ?? throw new ArgumentTransformationMetadataException(
                $"'{text}' is no reason to suppress an address: SES suppresses for BOUNCE or COMPLAINT. Pipe bounces or complaints, or give -Reason.");
    }
}
