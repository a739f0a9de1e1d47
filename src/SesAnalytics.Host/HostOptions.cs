namespace SesAnalytics.Host;

/// <summary>The command line, pwsh-style: <c>[-File] script.ps1 [args]</c> or <c>-Command text</c>, plus <c>-Module path</c>.</summary>
internal sealed record HostOptions(string? File, string? Command, IReadOnlyList<string> ScriptArguments, string? ModulePath, bool ShowHelp)
{
    public const string Usage = """
        Runs SesAnalytics scripts on a machine without PowerShell installed, in a real PowerShell engine with the
        SesAnalytics module imported. It is not a replacement for pwsh: only PowerShell's core commands are available.

        Usage:
          sesanalytics-host [-File] <script.ps1> [arguments...]
          sesanalytics-host -Command "<PowerShell text>"
        Options:
          -Module <path>   the SesAnalytics.psd1 (or its folder) to import; default: the module staged by the build,
                           or $env:SESANALYTICS_MODULE
          -Help            this text
        Exit code: the script's `exit N`, 1 when it ends in a terminating error, otherwise 0.
        """;

    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null, command = null, module = null;
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (file is not null || command is not null)
            {
                rest.Add(arg);
                continue;
            }

            switch (arg.ToLowerInvariant())
            {
                case "-help" or "--help" or "-h" or "-?" or "/?":
                    return new HostOptions(null, null, [], null, ShowHelp: true);
                case "-module" or "--module":
                    module = Next(args, ref i, arg);
                    break;
                case "-file" or "--file" or "-f":
                    file = Next(args, ref i, arg);
                    break;
                case "-command" or "--command" or "-c":
                    command = string.Join(' ', args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new ArgumentException($"Unknown option '{arg}'. Run with -Help for usage.");
                    }

                    file = arg;
                    break;
            }
        }

        if (file is null && command is null)
        {
            throw new ArgumentException("Give a script file or -Command. Run with -Help for usage.");
        }

        return new HostOptions(file, command, rest, module, ShowHelp: false);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"Option '{option}' needs a value.");
        }

        return args[++i];
    }
}
