using System.Globalization;
using System.Xml.Linq;

namespace SesAnalytics.Engine.Aws.CloudFormation;

/// <summary>
/// Reads awsQuery answers: <c>&lt;OpResponse&gt;&lt;OpResult&gt;...</c>, lists as <c>&lt;Name&gt;&lt;member&gt;</c>.
/// Elements are matched by local name, so the service's namespace need not be spelled out. A missing required element
/// or an unreadable value is a <see cref="FormatException"/>, which the HTTP layer treats as a garbled answer.
/// </summary>
internal static class QueryXml
{
    public static XElement Result(byte[] body, string operation)
    {
        using var stream = new MemoryStream(body);
        XElement root = XDocument.Load(stream).Root ?? throw new FormatException("The answer has no root element.");
        if (root.Name.LocalName != operation + "Response")
        {
            throw new FormatException($"The answer's root is <{root.Name.LocalName}>, not <{operation}Response>.");
        }

        // Operations without output (DeleteStack) answer with no result element; read that as an empty result.
        return root.Elements().FirstOrDefault(e => e.Name.LocalName == operation + "Result") ?? new XElement(operation + "Result");
    }

    public static XElement? Child(this XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement parent, string name) => parent.Child(name)?.Value;

    /// <summary>A next-page token; the service may send an empty element on the last page.</summary>
    public static string? Token(this XElement parent, string name) =>
        parent.Text(name) is { Length: > 0 } token ? token : null;

    public static string Required(this XElement parent, string name) =>
        parent.Text(name) ?? throw new FormatException($"<{name}> is missing from <{parent.Name.LocalName}>.");

    public static IEnumerable<XElement> Members(this XElement parent, string name) =>
        parent.Child(name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static IReadOnlyList<string> Strings(this XElement parent, string name) =>
        parent.Members(name).Select(m => m.Value).ToList();

    public static bool? Boolean(this XElement parent, string name) =>
        parent.Text(name) is { } text ? bool.Parse(text) : null;

    public static DateTimeOffset? Time(this XElement parent, string name) =>
        parent.Text(name) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    public static DateTimeOffset RequiredTime(this XElement parent, string name) =>
        parent.Time(name) ?? throw new FormatException($"<{name}> is missing from <{parent.Name.LocalName}>.");
}
