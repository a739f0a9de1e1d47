using System.Globalization;
using System.Management.Automation;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// A text parameter that also takes pipeline input by value: text (or a bare number, as the parser reads 2024) binds as
/// it is, an object the parameter understands gives its text (<see cref="FromObject"/>), and any other object is
/// refused as an invalid cast, which the binder reads as "not this parameter" and tries the next. Without this,
/// PowerShell would bind any object's ToString(): a bounce record piped without -Path would become a store path.
/// </summary>
public abstract class TextArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null or string => value,
            _ when value.GetType().IsPrimitive || value is decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => FromObject(PSObject.AsPSObject(inputData!)) ?? throw NotText(value),
        };
    }

    /// <summary>The text an object stands for, or null when this parameter does not take it.</summary>
    protected abstract string? FromObject(PSObject input);

    /// <summary>What this parameter takes besides text, for the error on the command line.</summary>
    protected abstract string Expected { get; }

    private ArgumentTransformationMetadataException NotText(object value)
    {
        string message = $"A {value.GetType().Name} is not {Expected}.";
        return new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
    }
}
