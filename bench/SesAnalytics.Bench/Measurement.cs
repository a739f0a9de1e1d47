using System.Diagnostics;
using System.Globalization;

namespace SesAnalytics.Bench;

/// <summary>One measured command: wall time and peak resident memory, as GNU time reports them for the child process.</summary>
internal sealed record Measurement(string Name, double Seconds, double PeakMegabytes)
{
    /// <summary>Runs <paramref name="shellCommand"/> under <c>/usr/bin/time</c> in bash and reads its figures.</summary>
    public static Measurement Of(string name, string shellCommand)
    {
        string figures = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-f", "%e %M", "-o", figures, "bash", "-c", "set -o pipefail; " + shellCommand })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{name}' failed ({process.ExitCode}): {errors}");
        }

        string[] parts = File.ReadAllLines(figures).Last().Split(' ');
        File.Delete(figures);
        var measurement = new Measurement(
            name,
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024);
        Console.WriteLine($"  {name,-52} {measurement.Seconds,8:F2} s {measurement.PeakMegabytes,8:F0} MB peak");
        return measurement;
    }
}
