using System.Text;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>Generated SES-shaped records covering what the partition query meets in the wild, as JSON text lines.</summary>
internal static class EdgeCaseEvents
{
    public static readonly string[] TagValues =
    [
        "MISSING", "null", "[]", "[null]", "[\"\"]", "5", "1.5", "1e2", "\"example.com\"", "[true]", "[false]", "[0]",
        "[1.0]", "[1e17]", "[-0]", "[123456789012345678901234567890]", "[{\"a\":1}]", "[[1]]", "[\"example.com\"]",
        "[\"hello@example.com\"]", "[\"a\",\"b\"]", "[\"ex/ample.com\"]", "[\"..\"]", "[\".\"]", "[\"%41\"]",
        "[\"ctrl\\u0001\\u001f\\u007f\"]", "[\"quo\\\"te\"]", "[\"back\\\\slash\"]", "[\"tab\\tnew\\nline\"]",
        "[\"\\u00e9t\\u00e9.fr\"]", "[\"émoji😀.com\"]", "[\"\\ud83d\\ude00\"]", "[\"日本.jp\"]", "[\"CON\"]",
        "[\"a\\/b\"]", "[\"trailing. \"]", "[\"\\u2028sep\"]",
    ];

    public static readonly string[] EventTypes =
    [
        "\"Send\"", "\"Reject\"", "\"Bounce\"", "\"Complaint\"", "\"Delivery\"", "\"Open\"", "\"Click\"",
        "\"Rendering Failure\"", "\"DeliveryDelay\"", "\"Subscription\"", "\"Unknown\"", "MISSING", "7", "2.50", "null",
        "{}", "{\"a\":\"b\"}", "[]", "true", "\"\"", "\"Bou\\u006ece\"",
    ];

    private static readonly string[] Shapes = ["tags", "tags", "tags", "tags", "tagsNull", "tagsString", "tagsMissing", "tagsArray", "mailMissing", "mailNull", "mailArray", "mailString"];

    private static readonly string[] Roots = ["42", "\"text\"", "[1,2]", "null", "true", "{}", "{\"mail\":{}}", "{\"mail\":{\"tags\":{}}}"];

    public static List<string> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = new List<string>(count + Roots.Length);
        lines.AddRange(Roots);
        foreach (string tag in TagValues)
        {
            foreach (string type in EventTypes)
            {
                lines.Add(Record("tags", tag, type, random));
            }
        }

        while (lines.Count < count)
        {
            lines.Add(Record(
                Shapes[random.Next(Shapes.Length)],
                TagValues[random.Next(TagValues.Length)],
                EventTypes[random.Next(EventTypes.Length)],
                random));
        }

        return lines;
    }

    private static string Record(string shape, string tag, string eventType, Random random)
    {
        var text = new StringBuilder("{");
        if (eventType != "MISSING")
        {
            text.Append("\"eventType\":").Append(eventType).Append(',');
        }

        string tagMember = tag == "MISSING" ? string.Empty : $"\"ses:sender-identity\":{tag},";
        string tags = shape switch
        {
            "tagsNull" => "\"tags\":null",
            "tagsString" => "\"tags\":\"ses:sender-identity\"",
            "tagsMissing" => "\"other\":1",
            "tagsArray" => "\"tags\":[1]",
            _ => $"\"tags\":{{\"ses:configuration-set\":[\"ConfigSet\"],{tagMember}\"ses:source-ip\":[\"192.0.2.0\"]}}",
        };
        string mail = shape switch
        {
            "mailMissing" => string.Empty,
            "mailNull" => "\"mail\":null",
            "mailArray" => "\"mail\":[{\"tags\":{}}]",
            "mailString" => "\"mail\":\"x\"",
            _ => $"\"mail\":{{\"timestamp\":\"2024-0{random.Next(1, 10)}-1{random.Next(0, 10)}T12:00:00.000Z\",\"source\":\"s@example.com\",{tags}}}",
        };
        text.Append(mail);
        if (text[^1] == ',')
        {
            text.Length--;
        }

        return text.Append('}').ToString();
    }
}
