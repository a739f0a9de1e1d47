using System.Diagnostics;
using DuckDB.NET.Data;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Samples;

namespace SesAnalytics.Bench;

/// <summary>The measured steps, each run in its own process so that its peak memory is its own.</summary>
internal static class Steps
{
    /// <summary>The day of a row's object (<c>…/yyyy/MM/dd/object.gz</c>) as <c>yyyyMMdd</c>.</summary>
    public const string DayOfObject = "substr(split_part(filename, '/', -4), 1, 4) || split_part(filename, '/', -3) || split_part(filename, '/', -2)";

    /// <summary>The events of the <c>data</c> case: 14 days from 2026-11-01.</summary>
    public static SampleEventGenerator DataEvents { get; } = new() { Seed = 20261124, Start = new DateOnly(2026, 11, 1), Days = 14 };

    /// <summary>Writes <paramref name="count"/> JSON lines of <paramref name="generator"/> to a file, or to stdout for <c>-</c>.</summary>
    public static void Generate(string path, int count, SampleEventGenerator generator)
    {
        using Stream output = path == "-" ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 20);
        foreach (string line in generator.GenerateLines(count))
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    public static void Partition(string input, string store)
    {
        using var import = new SesEventImport(new ImportOptions(store), NullOutputSink.Instance, CancellationToken.None);
        import.ImportFile(input);
        ImportSummary summary = import.Complete();
        if (summary.EventsWritten == 0)
        {
            throw new InvalidOperationException("Nothing was partitioned.");
        }
    }

    /// <summary>
    /// Key extraction alone, as Import-SesEvent -WhatIf -Force runs it: read, parse, evaluate the partition query, lay
    /// out the folders; nothing compressed or written, and (with -Force) no content hash to check against the manifest.
    /// </summary>
    public static void Keys(string input, string store)
    {
        var options = new ImportOptions(store) { WhatIf = true, Force = true };
        using var import = new SesEventImport(options, NullOutputSink.Instance, CancellationToken.None);
        import.ImportFile(input);
        ImportSummary summary = import.Complete();
        if (summary.EventsToWrite == 0 || summary.Partitions == 0)
        {
            throw new InvalidOperationException("No keys were extracted.");
        }
    }

    /// <summary>The same columns as Get-SesBounce, from the same files, in one DuckDB statement and nothing else.</summary>
    public static void BareBounce(string glob) => Bare($$"""
            SELECT mail.messageId, mail."timestamp", mail.source, mail.sendingAccountId, mail.commonHeaders.subject,
                   mail.tags."ses:configuration-set"[1], mail.tags."ses:source-ip"[1], mail.tags."ses:from-domain"[1],
                   mail.tags."ses:outgoing-ip"[1], bounce.bounceType, bounce.bounceSubType, bounce.feedbackId,
                   bounce."timestamp", bounce.reportingMTA, r.action, r.status, r.diagnosticCode, r.emailAddress
            FROM (SELECT mail, bounce, unnest(bounce.bouncedRecipients) AS r
                  FROM read_json('{{glob}}', format = 'newline_delimited', compression = 'gzip',
                       columns = {mail: 'STRUCT(messageId VARCHAR, "timestamp" VARCHAR, source VARCHAR, sendingAccountId VARCHAR, commonHeaders STRUCT(subject VARCHAR), tags STRUCT("ses:configuration-set" VARCHAR[], "ses:source-ip" VARCHAR[], "ses:from-domain" VARCHAR[], "ses:outgoing-ip" VARCHAR[]))',
                                  bounce: 'STRUCT(bounceType VARCHAR, bounceSubType VARCHAR, feedbackId VARCHAR, "timestamp" VARCHAR, reportingMTA VARCHAR, bouncedRecipients STRUCT(emailAddress VARCHAR, action VARCHAR, status VARCHAR, diagnosticCode VARCHAR)[])'}))
            """);

    /// <summary>
    /// What Get-SesEventSummary computes for each identity and day, in one DuckDB statement over the whole store: events
    /// of each type, sent, hard-bounced and complained recipients. Identity and day come from each object's path.
    /// </summary>
    public static void BareSummary(string store)
    {
        string from = StoreObjects(store, "eventType: 'VARCHAR', mail: 'STRUCT(destination VARCHAR[])', bounce: 'STRUCT(bounceType VARCHAR, bouncedRecipients JSON[])', complaint: 'STRUCT(complainedRecipients JSON[])'");
        Bare($"""
            SELECT split_part(filename, '/', -6) AS identity, eventType, {DayOfObject} AS day,
                   count(*), sum(len(mail.destination)) FILTER (WHERE eventType = 'Send'),
                   count(*) FILTER (WHERE bounce.bounceType = 'Permanent'), sum(len(bounce.bouncedRecipients)) FILTER (WHERE bounce.bounceType = 'Permanent'),
                   sum(len(complaint.complainedRecipients))
            FROM (SELECT *, filename FROM {from})
            GROUP BY ALL ORDER BY day, identity, eventType
            """);
    }

    /// <summary>A <c>read_json</c> of every GZIP object of the store with the <paramref name="columns"/> given (DuckDB's struct syntax).</summary>
    public static string StoreObjects(string store, string columns)
    {
        string root = Path.Combine(store, "partitioned").Replace("'", "''", StringComparison.Ordinal);
        return $"read_json('{root}/*/*/*/*/*/*.gz', format = 'newline_delimited', compression = 'gzip', columns = {{{columns}}})";
    }

    public static void Bare(string statement)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        RuntimeCounters counters = RuntimeCounters.Take();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        Work.Report(watch, cpu);
        Work.ReportCounters(counters);
        if (rows == 0)
        {
            throw new InvalidOperationException("The bare query read nothing.");
        }
    }
}
