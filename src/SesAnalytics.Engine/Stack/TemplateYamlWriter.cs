using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SesAnalytics.Engine.Stack;

/// <summary>
/// Writes the model as block-style YAML. A string is written plain only when no YAML 1.1 or 1.2 parser could read it
/// as anything but that string (not <c>yes</c>, <c>on</c>, <c>null</c>, a number or a date, no indicator in front);
/// every other string is double-quoted.
/// </summary>
public static partial class TemplateYamlWriter
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
    };

    public static string Write(CfnMap model)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteValue(emitter, model);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    public static bool CanBePlain(string text) => SafePlain().IsMatch(text) && !ReservedWords.Contains(text);

    private static void WriteValue(IEmitter emitter, object value)
    {
        switch (value)
        {
            case CfnMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach ((string key, object item) in map)
                {
                    WriteString(emitter, key);
                    WriteValue(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable<object> list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (object item in list)
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case string text:
                WriteString(emitter, text);
                break;
            case bool flag:
                WritePlain(emitter, flag ? "true" : "false");
                break;
            case int or long:
                WritePlain(emitter, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            default:
                throw new InvalidOperationException($"The template model holds a {value.GetType().Name}, which has no YAML form.");
        }
    }

    private static void WriteString(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, CanBePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, isPlainImplicit: true, isQuotedImplicit: true));

    private static void WritePlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    // A letter first (no indicator, number or date), then no space, '#', quote, comma or bracket, and no ':' at the end.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._/:${}*=@+-]*(?<!:)$")]
    private static partial Regex SafePlain();
}
