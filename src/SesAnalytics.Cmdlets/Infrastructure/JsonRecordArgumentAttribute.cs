using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Import-SesEvent's -InputObject: JSON text as it is, and a record that ConvertFrom-Json made (an object, or a
/// hashtable with -AsHashtable) written back as one line of JSON. ConvertFrom-Json turns SES's timestamps into
/// [datetime]; they are written back in SES's own form (2024-03-08T17:14:29.123Z), so the record keeps its text.
/// Any other object is left alone, for the binder to try by property: a file's PSPath binds -LiteralPath.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class JsonRecordArgumentAttribute : ArgumentTransformationAttribute
{
    private const int MaxDepth = 64;

    // An object with one of these binds by property name (a file, a Select-Object of one, an event's Json): not a record.
    private static readonly string[] BoundByName = ["PSPath", "FullName", "LiteralPath", "LP", "Path", "Json", "InputObject"];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (IsRecord(inputData))
        {
            return Write(inputData!);
        }

        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not IList items || value is string)
        {
            return inputData;
        }

        // -InputObject $records, given an array on the command line.
        var texts = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            object? item = items[i];
            object? itemValue = item is PSObject element ? element.BaseObject : item;
            if (itemValue is string text)
            {
                texts[i] = text;
            }
            else if (IsRecord(item))
            {
                texts[i] = Write(item!);
            }
            else
            {
                return inputData;
            }
        }

        return texts;
    }

    private static bool IsRecord(object? input) => input switch
    {
        PSObject { BaseObject: PSCustomObject } custom => !BoundByName.Any(name => custom.Properties[name] is not null),
        PSObject { BaseObject: IDictionary } => true,
        IDictionary => true,
        _ => false,
    };

    private static string Write(object record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteValue(json, record, 0);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? input, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentTransformationMetadataException($"The record nests deeper than {MaxDepth} levels; it cannot be written back as JSON.");
        }

        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case DateTime { Kind: DateTimeKind.Unspecified } time:
                json.WriteStringValue(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                json.WriteStringValue(SesTime(time.ToUniversalTime()));
                break;
            case DateTimeOffset time:
                json.WriteStringValue(SesTime(time.UtcDateTime));
                break;
            case double number when !double.IsFinite(number):
                throw NotJson(number);
            case float single when !float.IsFinite(single):
                throw NotJson(single);
            case BigInteger or decimal or double or float or long or int or short or sbyte or ulong or uint or ushort or byte:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: false);
                break;
            case PSCustomObject:
                json.WriteStartObject();
                foreach (PSPropertyInfo property in ((PSObject)input!).Properties)
                {
                    json.WritePropertyName(property.Name);
                    WriteValue(json, property.Value, depth + 1);
                }

                json.WriteEndObject();
                break;
            case IDictionary dictionary:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(json, entry.Value, depth + 1);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(json, item, depth + 1);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static ArgumentTransformationMetadataException NotJson(object number) =>
        new($"The record holds the number {number}, which JSON cannot express.");

    /// <summary>A UTC time as SES writes it: milliseconds and Z; finer ticks, which SES never writes, are kept.</summary>
    private static string SesTime(DateTime utc) =>
        utc.ToString(utc.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
