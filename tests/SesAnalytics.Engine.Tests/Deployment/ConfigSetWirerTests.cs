using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Deployment;

public sealed class ConfigSetWirerTests
{
    private const string StreamArn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics";
    private const string RoleArn = "arn:aws:iam::123456789012:role/ses-analytics-SesRole";

    private readonly FakeSesV2 _ses = new();
    private readonly RecordingSink _sink = new();

    [Fact]
    public async Task The_first_run_creates_the_set_and_destination_with_all_ten_types_and_the_second_updates_it()
    {
        var wirer = new ConfigSetWirer(_ses, _sink);
        var wiring = new DestinationWiring("marketing", StreamArn, RoleArn);

        ConfigSetDestination first = await wirer.WireAsync(wiring, default);
        ConfigSetDestination second = await wirer.WireAsync(wiring, default);

        Assert.Equal(first, second with { EventTypes = first.EventTypes });
        Assert.Equal(first.EventTypes, second.EventTypes);
        Assert.Equal(["CreateConfigurationSet", "CreateDestination", "UpdateDestination"], _ses.Calls);
        Assert.Equal(10, _ses.Destinations["sesanalytics-firehose"].MatchingEventTypes!.Count);
        Assert.Contains("RENDERING_FAILURE", _ses.Destinations["sesanalytics-firehose"].MatchingEventTypes!);
        Assert.Equal(StreamArn, _ses.Destinations["sesanalytics-firehose"].KinesisFirehoseDestination!.DeliveryStreamArn);
    }

    [Fact]
    public async Task Identities_that_are_missing_or_unverified_are_per_identity_errors_and_the_others_are_set()
    {
        _ses.ConfigurationSets.Add("marketing");
        _ses.Identities["mail.example.com"] = true;
        _ses.Identities["pending.example.com"] = false;
        var wiring = new DestinationWiring("marketing", StreamArn, RoleArn)
        {
            EventTypes = [SesEventType.Bounce],
            DefaultForIdentities = ["pending.example.com", "missing.example.com", "mail.example.com"],
        };

        await new ConfigSetWirer(_ses, _sink).WireAsync(wiring, default);

        Assert.Equal(["IdentityNotVerified", "IdentityNotFound"], _sink.Errors.Select(e => e.ErrorId));
        Assert.Equal(["pending.example.com", "missing.example.com"], _sink.Errors.Select(e => e.Target));
        Assert.Equal("marketing", Assert.Single(_ses.Defaults).Value);
        Assert.DoesNotContain("CreateConfigurationSet", _ses.Calls);
    }

    [Fact]
    public async Task Get_reads_the_event_types_back()
    {
        _ses.ConfigurationSets.Add("marketing");
        var wirer = new ConfigSetWirer(_ses, _sink);
        await wirer.WireAsync(new DestinationWiring("marketing", StreamArn, RoleArn) { EventTypes = [SesEventType.RenderingFailure, SesEventType.Bounce] }, default);

        ConfigSetDestination wired = Assert.Single(await wirer.GetAsync("marketing", default));

        Assert.Equal([SesEventType.RenderingFailure, SesEventType.Bounce], wired.EventTypes);
        Assert.Equal(RoleArn, wired.IamRoleArn);
    }

    [Fact]
    public async Task The_simulator_sends_count_messages_to_the_scenario_address_naming_it_in_the_subject()
    {
        var messages = new List<SimulatorMessage>();
        await foreach (SimulatorMessage message in new SimulatorSender(_ses).SendAsync("test@mail.example.com", SimulatorScenario.OutOfTheOffice, "marketing", 2, default))
        {
            messages.Add(message);
        }

        Assert.Equal(["m-1", "m-2"], messages.Select(m => m.MessageId));
        Assert.All(messages, m => Assert.Equal("ooto@simulator.amazonses.com", m.To));
        Assert.All(_ses.Calls, c => Assert.StartsWith("SendEmail ooto@simulator.amazonses.com marketing SesAnalytics simulator test: OutOfTheOffice (", c, StringComparison.Ordinal));
    }
}
