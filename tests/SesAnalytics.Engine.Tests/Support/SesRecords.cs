using System.Text.Json.Nodes;

namespace SesAnalytics.Engine.Tests.Support;

/// <summary>SES event records as one-line JSON: the AWS documented examples, and small synthetic ones.</summary>
public static class SesRecords
{
    public static string FixturesFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "ses-events"));

    public static bool FixturesExist => Directory.Exists(FixturesFolder);

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SesAnalytics.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The tests must run inside the repository.");
        }
    }

    /// <summary>A fixture on one line, tagged with <paramref name="identity"/> as SES tags real records.</summary>
    public static string Fixture(string name, string? identity)
    {
        JsonNode record = JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesFolder, name + ".json")))!;
        if (identity is not null)
        {
            record["mail"]!["tags"]!["ses:sender-identity"] = new JsonArray(identity);
        }

        return record.ToJsonString();
    }

    public static string Send(string identity, params string[] recipients) => new JsonObject
    {
        ["eventType"] = "Send",
        ["mail"] = Mail(identity, recipients),
        ["send"] = new JsonObject(),
    }.ToJsonString();

    public static string Bounce(string identity, string bounceType, params string[] recipients) => new JsonObject
    {
        ["eventType"] = "Bounce",
        ["mail"] = Mail(identity, recipients),
        ["bounce"] = new JsonObject
        {
            ["bounceType"] = bounceType,
            ["bounceSubType"] = "General",
            ["timestamp"] = "2024-03-08T17:14:30.701Z",
            ["feedbackId"] = "feedback-" + recipients.FirstOrDefault(),
            ["reportingMTA"] = "dns; mta.example.com",
            ["bouncedRecipients"] = new JsonArray(recipients.Select(r => (JsonNode)new JsonObject
            {
                ["emailAddress"] = r,
                ["action"] = "failed",
                ["status"] = "5.1.1",
                ["diagnosticCode"] = "smtp; 550 5.1.1 user unknown",
            }).ToArray()),
        },
    }.ToJsonString();

    public static string Complaint(string identity, params string[] recipients) => new JsonObject
    {
        ["eventType"] = "Complaint",
        ["mail"] = Mail(identity, recipients),
        ["complaint"] = new JsonObject
        {
            ["complainedRecipients"] = new JsonArray(recipients.Select(r => (JsonNode)new JsonObject { ["emailAddress"] = r }).ToArray()),
            ["timestamp"] = "2024-03-08T18:00:00.000Z",
        },
    }.ToJsonString();

    public static string Other(string eventType, string identity) => new JsonObject
    {
        ["eventType"] = eventType,
        ["mail"] = Mail(identity, ["someone@example.net"]),
    }.ToJsonString();

    private static JsonObject Mail(string identity, string[] recipients) => new()
    {
        ["timestamp"] = "2024-03-08T17:14:29.713Z",
        ["source"] = "sender@" + identity,
        ["sendingAccountId"] = "000000000000",
        ["messageId"] = "message-" + Guid.NewGuid().ToString("N"),
        ["destination"] = new JsonArray(recipients.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
        ["commonHeaders"] = new JsonObject { ["subject"] = "test" },
        ["tags"] = new JsonObject { ["ses:sender-identity"] = new JsonArray(identity) },
    };
}
