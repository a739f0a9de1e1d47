using System.Management.Automation;
using System.Text;
using SesAnalytics.Host;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

HostOptions options;
try
{
    options = HostOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 64;
}

if (options.ShowHelp)
{
    Console.WriteLine(HostOptions.Usage);
    return 0;
}

try
{
    return new ScriptRunner(options, ModuleLocator.Find(options.ModulePath)).Run();
}
catch (FileNotFoundException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
catch (RuntimeException error)
{
    // The module itself failed to import: say why, as PowerShell would, without a .NET stack trace.
    Console.Error.WriteLine(error.ErrorRecord.ToString());
    return 1;
}
