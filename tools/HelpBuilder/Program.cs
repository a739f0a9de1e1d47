namespace SesAnalytics.HelpBuilder;

/// <summary>
/// HelpBuilder &lt;docs folder&gt; &lt;output .dll-Help.xml&gt;: compiles the platyPS markdown docs whose front matter
/// names the output file into that MAML file. Exit codes: 0 done, 1 a malformed doc (reported as file:line: message), 2 usage.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: HelpBuilder <docs folder> <output path of <Assembly>.dll-Help.xml>");
            return 2;
        }
        string docsFolder = args[0];
        string outputPath = Path.GetFullPath(args[1]);
        if (!Directory.Exists(docsFolder))
        {
            Console.Error.WriteLine($"{docsFolder}: docs folder not found");
            return 2;
        }

        var commands = ReadDocs(docsFolder, Path.GetFileName(outputPath));
        if (commands is null)
        {
            return 1;
        }
        if (WriteIfChanged(outputPath, MamlWriter.Serialize(commands)))
        {
            Console.WriteLine($"HelpBuilder: {outputPath} ({commands.Count} commands)");
        }
        return 0;
    }

    /// <summary>The docs for <paramref name="helpFileName"/>, or null when any is malformed (all of them are reported).</summary>
    private static List<CommandDoc>? ReadDocs(string docsFolder, string helpFileName)
    {
        var commands = new List<CommandDoc>();
        bool failed = false;
        foreach (string file in Directory.EnumerateFiles(docsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var document = MarkdownReader.Parse(File.ReadAllText(file));
            var frontMatter = MarkdownReader.FrontMatter(document);
            if (!frontMatter.TryGetValue("external help file", out string? helpFile)
                || !helpFile.Equals(helpFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            try
            {
                var command = MarkdownReader.Read(document, frontMatter);
                if (commands.Exists(c => c.Name.Equals(command.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new DocException(1, $"{command.Name} is documented by another file too");
                }
                commands.Add(command);
            }
            catch (DocException e)
            {
                Console.Error.WriteLine($"{file}:{e.Line}: {e.Message}");
                failed = true;
            }
        }
        return failed ? null : commands;
    }

    /// <summary>Leaves an identical file untouched, so its timestamp keeps incremental builds quiet.</summary>
    private static bool WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write then rename, so a reader (or a cancelled build) never sees half a file.
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
