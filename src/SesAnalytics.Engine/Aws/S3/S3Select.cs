using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime.EventStreams;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>
/// SelectObjectContent sent through the module's own signer and retry layer and its event stream read here, because
/// AWSSDK.S3 4.1 loses S3's <c>:error-code</c> and <c>:error-message</c> when the query fails after the HTTP 200 (it
/// reads the code as an int32) and can drop the records that arrived with the error.
/// </summary>
internal sealed class S3Select(AwsHttpClient http, S3Addressing addressing)
{
    public async IAsyncEnumerable<string> RunAsync(string bucketName, string key, string expression, IOutputSink sink, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (Uri endpoint, string pathAndQuery) = addressing.Locate(bucketName, key, "select&select-type=2");
        var request = new AwsRequest("SelectObjectContent", HttpMethod.Post, pathAndQuery, SelectRequestBody.For(expression), Idempotent: true)
        {
            ContentType = "application/xml",
            Endpoint = endpoint,
        };
        string source = $"s3://{bucketName}/{key}";
        using AwsStreamingResponse response = await http.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        // Closing the stream is what stops a read blocked on the network when the user presses Ctrl+C.
        await using CancellationTokenRegistration abandon = cancellationToken.Register(response.Dispose);
        var splitter = new RecordSplitter();
        bool ended = false;
        await foreach (EventStreamMessage message in EventStreamReader.ReadAsync(response.Body, source, http.Options.AttemptTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (EventStreamReader.Header(message, ":message-type") == "error")
            {
                throw S3EventStreamFailure.From(
                    bucketName, key, EventStreamReader.Header(message, ":error-code"), EventStreamReader.Header(message, ":error-message"), response.RequestId);
            }

            switch (EventStreamReader.Header(message, ":event-type"))
            {
                case "Records":
                    foreach (string record in splitter.Append(message.Payload))
                    {
                        yield return record;
                    }

                    break;
                case "Stats":
                    sink.Verbose(Describe("scanned", source, message.Payload));
                    break;
                case "Progress":
                    sink.Verbose(Describe("progress", source, message.Payload));
                    break;
                case "End":
                    ended = true;
                    break;
            }

            if (ended)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!ended)
        {
            throw new SesAnalyticsException(
                "SelectIncomplete",
                ErrorKind.ReadError,
                $"S3 Select stopped answering for {source} before its End event, so the records may be incomplete. Run the command again.",
                key);
        }

        if (splitter.Rest() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>A Stats or Progress payload, <c>&lt;Stats&gt;&lt;BytesScanned&gt;…</c>, as one verbose line.</summary>
    private static string Describe(string what, string source, byte[] payload)
    {
        XElement? details = null;
        try
        {
            details = XElement.Parse(Encoding.UTF8.GetString(payload));
        }
        catch (System.Xml.XmlException)
        {
            // Counters are for information only; an unreadable one is shown as zero rather than failing the query.
        }

        return string.Format(
            CultureInfo.InvariantCulture,
            "S3 Select {0} {1}: {2} bytes scanned, {3} processed, {4} returned.",
            what,
            source,
            Count(details, "BytesScanned"),
            Count(details, "BytesProcessed"),
            Count(details, "BytesReturned"));
    }

    private static long Count(XElement? details, string name) =>
        long.TryParse(details?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : 0;
}
