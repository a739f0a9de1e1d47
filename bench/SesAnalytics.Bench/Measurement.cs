using System.Diagnostics;
using System.Globalization;

namespace SesAnalytics.Bench;

/// <summary>
/// One measured command: wall time, CPU time (user and system, all threads and children) and peak resident memory, as
/// GNU time reports them for the child process.
/// </summary>
internal sealed record Measurement(string Name, double Seconds, double CpuSeconds, double PeakMegabytes, double? InnerSeconds, double? InnerCpuSeconds)
{
    /// <summary>The step's own time when it reports one (the work alone, without process and engine start-up).</summary>
    public double WorkSeconds => InnerSeconds ?? Seconds;

    /// <summary>The CPU time of the step's own work, when it reports one.</summary>
    public double WorkCpuSeconds => InnerCpuSeconds ?? double.NaN;

    /// <summary>
    /// Runs each step <paramref name="rounds"/> times, the steps in turn (so that each round meets the machine in the
    /// same state), and gives each step's median of every figure: a sub-second step run once in a fresh process
    /// varies by a fifth from one run to the next.
    /// </summary>
    public static Measurement[] Medians(int rounds, params (string Name, string Command)[] steps)
    {
        var runs = steps.Select(_ => new List<Measurement>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < steps.Length; i++)
            {
                runs[i].Add(Run(steps[i].Name, steps[i].Command));
            }
        }

        return [.. steps.Select((step, i) => Report(new Measurement(
            step.Name + $" (median of {rounds})",
            Median(runs[i].Select(m => m.Seconds)),
            Median(runs[i].Select(m => m.CpuSeconds)),
            Median(runs[i].Select(m => m.PeakMegabytes)),
            runs[i][0].InnerSeconds is null ? null : Median(runs[i].Select(m => m.InnerSeconds!.Value)),
            runs[i][0].InnerCpuSeconds is null ? null : Median(runs[i].Select(m => m.InnerCpuSeconds!.Value)))))];
    }

    /// <summary>Runs <paramref name="shellCommand"/> under <c>/usr/bin/time</c> in bash, reads its figures and prints them.</summary>
    public static Measurement Of(string name, string shellCommand) => Report(Run(name, shellCommand));

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Measurement Report(Measurement measurement)
    {
        string work = measurement.InnerSeconds is null ? string.Empty : $"  (the work itself: {measurement.InnerSeconds:F2} s, CPU {measurement.InnerCpuSeconds:F2} s)";
        Console.WriteLine($"  {measurement.Name,-52} {measurement.Seconds,8:F2} s (CPU {measurement.CpuSeconds,6:F2} s) {measurement.PeakMegabytes,6:F0} MB peak{work}");
        return measurement;
    }

    private static Measurement Run(string name, string shellCommand)
    {
        string figures = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (string argument in new[] { "-f", "%e %M %U %S", "-o", figures, "bash", "-c", "set -o pipefail; " + shellCommand })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        double? inner = Reported(output.Result, "work-seconds=");
        double? innerCpu = Reported(output.Result, "work-cpu-seconds=");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{name}' failed ({process.ExitCode}): {errors}");
        }

        string[] parts = File.ReadAllLines(figures).Last().Split(' ');
        File.Delete(figures);
        return new Measurement(
            name,
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024,
            inner,
            innerCpu);
    }

    private static double? Reported(string output, string key)
    {
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[key.Length..], CultureInfo.InvariantCulture);
    }
}
