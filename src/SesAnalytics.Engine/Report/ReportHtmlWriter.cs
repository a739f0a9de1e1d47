using System.Net;
using System.Resources;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// Writes a report as one self-contained HTML page: the template, its style and script, Chart.js and the report as a
/// JSON data island, all inline. The JSON escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no value can close
/// its script element; the page's script puts every value into the page as text.
/// </summary>
public static partial class ReportHtmlWriter
{
    public const string ChartJsVersion = "4.6.2";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The page; each placeholder of the template is filled once, so a value that reads like one stays text.</summary>
    public static string Render(SesReport report)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TITLE"] = WebUtility.HtmlEncode($"SES event report {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}"),
            ["CHARTJS_VERSION"] = ChartJsVersion,
            ["STYLE"] = Asset("report.css"),
            ["DATA"] = JsonSerializer.Serialize(report, Json),
            ["CHART_JS"] = Asset("chart.umd.min.js"),
            ["REPORT_JS"] = Asset("report.js"),
        };
        return Placeholder().Replace(Asset("report.html"), match => values[match.Groups[1].Value]);
    }

    internal static string Asset(string name)
    {
        using Stream stream = typeof(ReportHtmlWriter).Assembly.GetManifestResourceStream("SesAnalytics.Report." + name)
            ?? throw new MissingManifestResourceException($"The report asset '{name}' is not embedded in the engine.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
