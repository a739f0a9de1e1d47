using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

public sealed class TemplateFileTests
{
    [Theory]
    [InlineData("stack.json", TemplateFormat.Json)]
    [InlineData("stack.YAML", TemplateFormat.Yaml)]
    [InlineData("stack.yml", TemplateFormat.Yaml)]
    [InlineData("stack.txt", null)]
    public void TheExtensionPicksTheFormat(string path, TemplateFormat? format) => Assert.Equal(format, TemplateFile.FormatFromExtension(path));

    [Fact]
    public void AnExistingFileIsKeptUnlessOverwriteIsAsked()
    {
        string folder = Directory.CreateTempSubdirectory("sesanalytics-template").FullName;
        string path = Path.Combine(folder, "stack.yaml");
        File.WriteAllText(path, "original");

        SesAnalyticsException error = Assert.Throws<SesAnalyticsException>(() => TemplateFile.Write(path, "new", overwrite: false));
        Assert.Equal("TemplateFileExists", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.Equal("original", File.ReadAllText(path));

        FileInfo written = TemplateFile.Write(path, "new", overwrite: true);
        Assert.Equal("new", File.ReadAllText(written.FullName));
        Assert.Equal(["stack.yaml"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Directory.Delete(folder, recursive: true);
    }
}
