using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Deployment;

/// <summary>Set-/Get-SesConfigSetDestination and Send-SesSimulatorEmail as a user types them, against SES v2 and CloudFormation fakes.</summary>
public sealed class ConfigSetDestinationTests : IDisposable
{
    private const string StreamArn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics";
    private const string RoleArn = "arn:aws:iam::123456789012:role/ses-analytics-SesRole";

    private readonly AwsFake _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public void Set_from_the_stack_object_creates_the_set_and_destination_and_a_second_run_updates_it()
    {
        _aws.Exists = true;
        _aws.Ses.Identities["mail.example.com"] = true;
        string script =
            $"$stack = Get-SesAnalyticsStack ses-analytics {_aws.Parameters}\n" +
            $"$stack | Set-SesConfigSetDestination -ConfigurationSetName marketing -DefaultForIdentity mail.example.com {_aws.Parameters}\n" +
            $"$stack | Set-SesConfigSetDestination -ConfigurationSetName marketing -DefaultForIdentity mail.example.com {_aws.Parameters}";

        ScriptResult result = ModuleSession.Run(script);

        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            Assert.Equal("marketing", o.Properties["ConfigurationSetName"].Value);
            Assert.Equal("sesanalytics-firehose", o.Properties["DestinationName"].Value);
            Assert.Equal(StreamArn, o.Properties["DeliveryStreamArn"].Value);
            Assert.Equal(RoleArn, o.Properties["IamRoleArn"].Value);
            Assert.Equal(10, ((System.Collections.ICollection)o.Properties["EventTypes"].Value).Count);
        });
        Assert.Single(_aws.Ses.Calls, c => c == "POST configuration-sets");
        Assert.Single(_aws.Ses.Calls, c => c == "POST configuration-sets/marketing/event-destinations");
        Assert.Single(_aws.Ses.Calls, c => c == "PUT configuration-sets/marketing/event-destinations/sesanalytics-firehose");
        Assert.Equal("marketing", _aws.Ses.DefaultConfigurationSets["mail.example.com"]);
        string types = _aws.Ses.Destinations["marketing/sesanalytics-firehose"]["MatchingEventTypes"]!.ToJsonString();
        Assert.Contains("\"RENDERING_FAILURE\"", types, StringComparison.Ordinal);
        Assert.Contains("\"SUBSCRIPTION\"", types, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_with_StackName_reads_the_arns_from_the_stack_and_Get_shows_the_wiring()
    {
        _aws.Exists = true;
        _aws.Ses.ConfigurationSets.Add("marketing");

        ScriptResult result = ModuleSession.Run(
            $"$null = Set-SesConfigSetDestination -ConfigurationSetName marketing -StackName ses-analytics -EventType Bounce, Complaint {_aws.Parameters}\n" +
            $"Get-SesConfigSetDestination -ConfigurationSetName marketing {_aws.Parameters}");

        result.AssertSuccess();
        PSObject wired = Assert.Single(result.Output);
        Assert.Equal(StreamArn, wired.Properties["DeliveryStreamArn"].Value);
        Assert.True((bool)wired.Properties["Enabled"].Value);
        Assert.Equal(["Bounce", "Complaint"], ((System.Collections.IEnumerable)wired.Properties["EventTypes"].Value).Cast<object>().Select(t => t.ToString()));
        Assert.DoesNotContain("POST configuration-sets", _aws.Ses.Calls);
    }

    [Fact]
    public void An_unverified_identity_is_an_error_naming_it_and_the_others_go_on()
    {
        _aws.Ses.Identities["pending.example.com"] = false;
        _aws.Ses.Identities["mail.example.com"] = true;

        ScriptResult result = ModuleSession.Run(
            $"Set-SesConfigSetDestination marketing -DeliveryStreamArn {StreamArn} -IamRoleArn {RoleArn} -DefaultForIdentity pending.example.com, mail.example.com {_aws.Parameters}");

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("IdentityNotVerified", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("pending.example.com", error.TargetObject);
        Assert.Contains("pending.example.com", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(result.Output);
        Assert.Equal("marketing", _aws.Ses.DefaultConfigurationSets["mail.example.com"]);
        Assert.False(_aws.Ses.DefaultConfigurationSets.ContainsKey("pending.example.com"));
    }

    [Fact]
    public void Send_returns_one_message_per_count_addressed_to_the_scenario()
    {
        ScriptResult result = ModuleSession.Run(
            $"Send-SesSimulatorEmail -From sender@mail.example.com -Scenario Bounce -ConfigurationSetName marketing -Count 2 {_aws.Parameters}");

        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, m =>
        {
            Assert.Equal("bounce@simulator.amazonses.com", m.Properties["To"].Value);
            Assert.Equal("Bounce", m.Properties["Scenario"].Value);
            Assert.Equal("marketing", m.Properties["ConfigurationSetName"].Value);
        });
        Assert.NotEqual(result.Output[0].Properties["MessageId"].Value, result.Output[1].Properties["MessageId"].Value);
    }

    [Fact]
    public void Send_is_not_retried_after_a_server_error()
    {
        _aws.Ses.SendFails = true;

        ScriptResult result = ModuleSession.Run($"Send-SesSimulatorEmail sender@mail.example.com OutOfTheOffice {_aws.Parameters}");

        Assert.Single(result.Errors);
        Assert.Single(_aws.Ses.Calls, c => c == "POST outbound-emails");
        Assert.Empty(result.Output);
    }
}
