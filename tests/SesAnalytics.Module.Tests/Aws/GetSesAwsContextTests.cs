using System.Management.Automation;
using System.Security;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Aws;

public sealed class GetSesAwsContextTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY";
    private const string Token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";

    [Fact]
    public void ExplicitKeysAndRegionWinAndNoSecretIsShown()
    {
        ScriptResult result = ModuleSession.Run(
            $"$StoredAWSRegion = 'us-west-2'\nGet-SesAwsContext -Region eu-central-1 -AccessKey AKIDEXPLICIT1234 -SecretKey '{Secret}' -SessionToken '{Token}' -Verbose");

        result.AssertSuccess();
        PSObject context = Assert.Single(result.Output);
        Assert.Equal("eu-central-1", context.Properties["Region"].Value);
        Assert.Equal("the -Region parameter", context.Properties["RegionSource"].Value);
        Assert.EndsWith("1234", (string)context.Properties["AccessKeyId"].Value, StringComparison.Ordinal);
        Assert.Contains(result.Verbose, v => v.Message.Contains("eu-central-1", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXPLICIT1234", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSourcesAreDescribedUnderVerbosePreferenceAndOnlyWhenVerboseIsWanted()
    {
        const string Command = "Get-SesAwsContext -Region eu-central-1 -AccessKey AKIDEXPLICIT1234 -SecretKey secret";

        ScriptResult quiet = ModuleSession.Run(Command);
        ScriptResult preferred = ModuleSession.Run("$VerbosePreference = 'Continue'\n" + Command);
        ScriptResult overruled = ModuleSession.Run("$VerbosePreference = 'Continue'\n" + Command + " -Verbose:$false");

        Assert.Empty(quiet.Verbose);
        Assert.Contains(preferred.Verbose, v => v.Message.StartsWith("AWS region eu-central-1", StringComparison.Ordinal));
        Assert.DoesNotContain(overruled.Verbose, v => v.Message.StartsWith("AWS region", StringComparison.Ordinal));
    }

    [Fact]
    public void AwsToolsSessionDefaultsAreUsedWhenNoParameterIsGiven()
    {
        var legacy = new Amazon.Runtime.SessionAWSCredentials("AKIDSTOREDKEY999", Secret, Token);

        ScriptResult result = ModuleSession.Run(
            "$StoredAWSRegion = 'ap-southeast-2'\n$StoredAWSCredentials = $legacy\nGet-SesAwsContext",
            new Dictionary<string, object?> { ["legacy"] = legacy });

        result.AssertSuccess();
        PSObject context = Assert.Single(result.Output);
        Assert.Equal("ap-southeast-2", context.Properties["Region"].Value);
        Assert.Contains("$StoredAWSRegion", (string)context.Properties["RegionSource"].Value, StringComparison.Ordinal);
        Assert.Contains("$StoredAWSCredentials", (string)context.Properties["CredentialSource"].Value, StringComparison.Ordinal);
        Assert.EndsWith("Y999", (string)context.Properties["AccessKeyId"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialTakesAnOlderSdkObjectOrAPSCredential()
    {
        var legacy = new Amazon.Runtime.BasicAWSCredentials("AKIDLEGACYOBJ777", Secret);
        var password = new SecureString();
        foreach (char c in Secret)
        {
            password.AppendChar(c);
        }

        var psCredential = new PSCredential("AKIDPSCREDENT555", password);

        ScriptResult result = ModuleSession.Run(
            "Get-SesAwsContext -Region us-east-1 -Credential $legacy\nGet-SesAwsContext -Region us-east-1 -Credential $ps",
            new Dictionary<string, object?> { ["legacy"] = legacy, ["ps"] = psCredential });

        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        Assert.EndsWith("J777", (string)result.Output[0].Properties["AccessKeyId"].Value, StringComparison.Ordinal);
        Assert.EndsWith("T555", (string)result.Output[1].Properties["AccessKeyId"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileFileGivesCredentialsAndRegion()
    {
        string folder = Directory.CreateTempSubdirectory("sesanalytics-profile").FullName;
        string credentials = Path.Combine(folder, "credentials");
        File.WriteAllText(credentials, $"[ci]\naws_access_key_id = AKIDPROFILEKEY42\naws_secret_access_key = {Secret}\nregion = sa-east-1\n");

        ScriptResult result = ModuleSession.Run($"Get-SesAwsContext -ProfileName ci -ProfileLocation '{credentials}'");

        result.AssertSuccess();
        PSObject context = Assert.Single(result.Output);
        Assert.Equal("ci", context.Properties["ProfileName"].Value);
        Assert.Equal("profile 'ci'", context.Properties["CredentialSource"].Value);
        Assert.EndsWith("EY42", (string)context.Properties["AccessKeyId"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProfileIsObjectNotFound()
    {
        ScriptResult result = ModuleSession.Run("Get-SesAwsContext -ProfileName does-not-exist -Region us-east-1");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AwsProfileNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void HalfAKeyPairIsAnInvalidArgument()
    {
        ScriptResult result = ModuleSession.Run($"Get-SesAwsContext -Region us-east-1 -SecretKey '{Secret}'");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("IncompleteAwsKeys", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain(Secret, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointUrlOverridesEveryService()
    {
        ScriptResult result = ModuleSession.Run(
            "(Get-SesAwsContext -Region us-east-1 -AccessKey AKIDENDPOINT0001 -SecretKey x -EndpointUrl 'http://127.0.0.1:4566').Endpoints");

        result.AssertSuccess();
        var endpoints = (System.Collections.IDictionary)Assert.Single(result.Output).BaseObject;
        Assert.All(endpoints.Values.Cast<string>(), e => Assert.Equal("http://127.0.0.1:4566/", e));
    }
}
