using System.Globalization;
using System.Management.Automation;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// A TimeSpan parameter that takes a number as seconds: <c>-ProxyOpenWindow 5</c> is five seconds, where PowerShell
/// alone would read 5 as ticks (and the text '5' as days). A TimeSpan, or text such as '00:00:05', binds as it is.
/// </summary>
public sealed class SecondsArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            _ when value is not null && (value.GetType().IsPrimitive || value is decimal) && value is not (bool or char) =>
                TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) => TimeSpan.FromSeconds(seconds),
            _ => inputData,
        };
    }
}
