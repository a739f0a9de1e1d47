using System.Collections;
using System.Management.Automation;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// An -EventType value as a user types it: SES's name ('Rendering Failure') or the enum's (RenderingFailure), in any
/// case, one name per value, made SES's name. Only names are taken, as the engine parses them: a number or
/// "Bounce, Open" would convert to some other type through the enum. Every command that takes event types declares
/// this with <see cref="SesEventTypeCompleter"/> on a String[] parameter: PowerShell completes an enum parameter from
/// the enum's names before it asks any completer, so an enum type would offer RenderingFailure, never SES's name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SesEventTypeArgumentAttribute : ArgumentTransformationAttribute
{
    /// <summary>SES's names in SES's order, as a message lists them (quoted where they hold a space).</summary>
    internal static string Names { get; } = string.Join(", ", SesEventTypes.All.Select(t => SesEventTypeCompleter.Quote(t.WireName(), '\'')));

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null)
        {
            // Left to ValidateNotNullOrEmpty, which says so in PowerShell's own words.
            return null;
        }

        IEnumerable items = value is IEnumerable list and not string ? list : new[] { value };
        var names = new List<string>();
        foreach (object? item in items)
        {
            names.Add(Parse(item is PSObject element ? element.BaseObject : item).WireName());
        }

        return names.ToArray();
    }

    /// <summary>The engine's types of the names this attribute let through.</summary>
    internal static IReadOnlyList<SesEventType>? ToTypes(string[]? names) =>
        names?.Select(name => Parse(name)).ToList();

    private static SesEventType Parse(object? item) => item switch
    {
        SesEventType type => type,
        string text when SesEventTypes.TryParse(text, out SesEventType type) => type,
        _ => throw new ArgumentTransformationMetadataException($"'{item}' is not an SES event type. Use one of: {Names}."),
    };
}
