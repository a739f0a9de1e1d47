using System.Text.Json;
using System.Text.Json.Nodes;
using PuppeteerSharp;
using PuppeteerSharp.Media;

// Usage: SesAnalytics.ReportCheck <report.html> <screenshot.png> [--pdf <file.pdf>] [--dark] [--top <pixels>] [--chromium <path>]
// --top keeps only the top of the page in the screenshot (the README's picture). Prints one JSON object: console errors, page errors, requests other than the report itself, each chart's series and
// painted pixels, each table's data-value cells, the header; exit code 2 when the browser cannot be run.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: SesAnalytics.ReportCheck <report.html> <screenshot.png> [--pdf <file.pdf>] [--dark] [--top <pixels>] [--chromium <path>]");
    return 2;
}

string report = Path.GetFullPath(args[0]);
string screenshot = Path.GetFullPath(args[1]);
string? pdf = Option("--pdf");
string chromium = Option("--chromium") ?? Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
bool dark = args.Contains("--dark");
int? top = Option("--top") is { } pixels ? int.Parse(pixels, System.Globalization.CultureInfo.InvariantCulture) : null;
if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"Chromium is not at '{chromium}': install Debian's chromium package, or give --chromium.");
    return 2;
}

string profile = Directory.CreateTempSubdirectory("reportcheck-").FullName;
var consoleErrors = new List<string>();
var pageErrors = new List<string>();
var requests = new List<string>();
string reportUrl = new Uri(report).AbsoluteUri;
try
{
    var launch = new LaunchOptions
    {
        Headless = true,
        ExecutablePath = chromium,
        UserDataDir = profile,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        ],
    };
    await using IBrowser browser = await Puppeteer.LaunchAsync(launch);
    await using IPage page = await browser.NewPageAsync();
    page.Console += (_, e) =>
    {
        if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
        {
            consoleErrors.Add($"{e.Message.Type}: {e.Message.Text}");
        }
    };
    page.PageError += (_, e) => pageErrors.Add(e.Message);
    page.Request += (_, e) =>
    {
        if (e.Request.Url != reportUrl)
        {
            requests.Add(e.Request.Url);
        }
    };
    await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
    await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = dark ? "dark" : "light" }]);
    await page.GoToAsync(reportUrl, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
    await page.WaitForSelectorAsync("html[data-report-ready]", new WaitForSelectorOptions { Timeout = 30_000 });
    JsonElement seen = await page.EvaluateFunctionAsync<JsonElement>(Inspect);
    await page.ScreenshotAsync(screenshot, top is { } height
        ? new ScreenshotOptions { Clip = new Clip { X = 0, Y = 0, Width = 1200, Height = height } }
        : new ScreenshotOptions { FullPage = true });
    if (pdf is not null)
    {
        await page.PdfAsync(pdf, new PdfOptions { Format = PaperFormat.A4, PrintBackground = false });
    }

    var result = JsonNode.Parse(seen.GetRawText())!.AsObject();
    result["consoleErrors"] = new JsonArray([.. consoleErrors.Select(m => JsonValue.Create(m))]);
    result["pageErrors"] = new JsonArray([.. pageErrors.Select(m => JsonValue.Create(m))]);
    result["requests"] = new JsonArray([.. requests.Select(m => JsonValue.Create(m))]);
    result["screenshot"] = screenshot;
    result["pdf"] = pdf is null ? null : Path.GetFullPath(pdf);
    Console.WriteLine(result.ToJsonString());
    return 0;
}
catch (PuppeteerException error)
{
    Console.Error.WriteLine($"The browser check failed: {error.Message}");
    return 2;
}
finally
{
    Directory.Delete(profile, recursive: true);
}

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

public static partial class Program
{
    // What the page shows, read in the page: every chart's datasets and painted pixels, every table's exact values.
    private const string Inspect = """
        () => {
          const charts = [...document.querySelectorAll('canvas[data-chart]')].map((canvas) => {
            const chart = Chart.getChart(canvas);
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
            return {
              id: canvas.dataset.chart, expectedSeries: Number(canvas.dataset.series),
              series: chart ? chart.data.datasets.length : 0,
              points: chart ? chart.data.datasets.map((d) => d.data.filter((v) => v !== null && v !== undefined).length) : [],
              labels: chart ? chart.data.datasets.map((d) => d.label) : [],
              title: chart ? chart.options.plugins.title.text : null,
              axisTitles: chart ? Object.values(chart.options.scales).map((s) => s.title.text) : [],
              width: canvas.width, height: canvas.height, painted,
            };
          });
          const tables = [...document.querySelectorAll('table[data-table]')].map((table) => ({
            name: table.dataset.table, identity: table.dataset.identity ?? null,
            columns: [...table.querySelectorAll('thead th')].map((th) => th.dataset.key),
            rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.dataset.value)),
            shown: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
          }));
          const meta = Object.fromEntries([...document.querySelectorAll('#meta dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
          return {
            title: document.title, ready: Number(document.documentElement.dataset.reportReady), charts, tables, meta,
            sections: [...document.querySelectorAll('main section h2')].map((h) => h.textContent),
            scripts: document.scripts.length,
            foreignElements: document.querySelectorAll('main b, main img, main iframe, main script, main object').length,
          };
        }
        """;
}
