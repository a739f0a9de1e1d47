using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SesAnalytics.Engine.Stack;

public static class TemplateJsonWriter
{
    public static string Write(CfnMap model)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps '+', '<' and '>' readable in Hive types; the text is a file, never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteValue(writer, model);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case CfnMap map:
                writer.WriteStartObject();
                foreach ((string key, object item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<object> list:
                writer.WriteStartArray();
                foreach (object item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            default:
                throw new InvalidOperationException($"The template model holds a {value.GetType().Name}, which has no JSON form.");
        }
    }
}
