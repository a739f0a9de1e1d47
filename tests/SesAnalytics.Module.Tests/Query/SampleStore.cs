using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>A small event store in a temporary folder, laid out as Firehose writes the bucket.</summary>
internal sealed class SampleStore : IDisposable
{
    private int _objects;

    public SampleStore()
    {
        Root = Path.Combine(Path.GetTempPath(), "ses-module-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public void Add(string identity, string eventType, DateOnly day, IEnumerable<string> lines)
    {
        using GZipStream gzip = Create(identity, eventType, day);
        gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
    }

    public static string Send(string identity, string recipient) => Record("Send", identity, recipient, null);

    public static string Bounce(string identity, string bounceType, string recipient) => Record("Bounce", identity, recipient, new JsonObject
    {
        ["bounceType"] = bounceType,
        ["bounceSubType"] = "General",
        ["timestamp"] = "2024-03-08T17:14:30.701Z",
        ["feedbackId"] = "feedback-" + recipient,
        ["reportingMTA"] = "dns; mta.example.com",
        ["bouncedRecipients"] = new JsonArray(new JsonObject
        {
            ["emailAddress"] = recipient,
            ["action"] = "failed",
            ["status"] = "5.1.1",
            ["diagnosticCode"] = "smtp; 550 5.1.1 user unknown",
        }),
    });

    public static string Complaint(string identity, string recipient) => Record("Complaint", identity, recipient, new JsonObject
    {
        ["complainedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = recipient }),
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private GZipStream Create(string identity, string eventType, DateOnly day)
    {
        string folder = Path.Combine(Root, "partitioned", identity, eventType, day.ToString("yyyy"), day.ToString("MM"), day.ToString("dd"));
        Directory.CreateDirectory(folder);
        return new GZipStream(File.Create(Path.Combine(folder, $"events-{++_objects:D4}.gz")), CompressionLevel.Fastest);
    }

    private static string Record(string eventType, string identity, string recipient, JsonObject? detail)
    {
        var record = new JsonObject
        {
            ["eventType"] = eventType,
            ["mail"] = new JsonObject
            {
                ["timestamp"] = "2024-03-08T17:14:29.713Z",
                ["source"] = "sender@" + identity,
                ["sendingAccountId"] = "000000000000",
                ["messageId"] = "message-" + recipient,
                ["destination"] = new JsonArray(recipient),
                ["commonHeaders"] = new JsonObject { ["subject"] = "test-bounce" },
                ["tags"] = new JsonObject
                {
                    ["ses:sender-identity"] = new JsonArray(identity),
                    ["ses:configuration-set"] = new JsonArray("default-1"),
                },
            },
        };
        if (detail is not null)
        {
            record[eventType.ToLowerInvariant()] = detail;
        }

        return record.ToJsonString();
    }
}
