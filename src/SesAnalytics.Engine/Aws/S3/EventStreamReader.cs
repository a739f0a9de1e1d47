using System.Runtime.CompilerServices;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.EventStreams.Internal;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>
/// Reads AWS event-stream messages from a response body as its bytes arrive. The binary framing (prelude, headers,
/// prelude and message CRC32) is AWSSDK.Core's public <see cref="EventStreamDecoder"/>; a message is yielded as soon as
/// its last byte is in, whichever network read brought it.
/// </summary>
internal static class EventStreamReader
{
    private const int ReadSize = 64 * 1024;

    /// <param name="source">What the stream is the answer for, e.g. <c>s3://bucket/key</c>, for error messages.</param>
    /// <param name="idleTimeout">
    /// How long a read may wait for a byte. S3 sends Cont events to keep a slow query's connection busy, so silence
    /// this long means the connection is dead.
    /// </param>
    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(
        Stream body, string source, TimeSpan idleTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoded = new Queue<EventStreamMessage>();
        using var decoder = new EventStreamDecoder();
        decoder.MessageReceived += (_, e) => decoded.Enqueue(e.Message);
        byte[] buffer = new byte[ReadSize];
        while (true)
        {
            int read = await ReadAsync(body, buffer, source, idleTimeout, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }

            SesAnalyticsException? corrupt = Decode(decoder, buffer, read, source);
            while (decoded.TryDequeue(out EventStreamMessage? message))
            {
                yield return message;
            }

            if (corrupt is not null)
            {
                throw corrupt;
            }
        }
    }

    /// <summary>The string value of a header, or null when the message does not carry it.</summary>
    public static string? Header(EventStreamMessage message, string name) =>
        message.Headers.TryGetValue(name, out IEventStreamHeader? header) ? header.AsString() : null;

    private static async Task<int> ReadAsync(Stream body, byte[] buffer, string source, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The stream may have been closed under the read to unblock it; either way the user stopped the command.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OperationCanceledException error) when (idle.IsCancellationRequested)
        {
            throw new SesAnalyticsException(
                "SelectTimedOut",
                ErrorKind.OperationTimeout,
                $"S3 sent nothing for {idleTimeout.TotalSeconds:0.###} s while answering S3 Select for {source}, so the connection is taken as lost. Records before it were already written; run the command again.",
                source,
                error);
        }
        catch (Exception error) when (error is IOException or HttpRequestException or ObjectDisposedException)
        {
            throw S3Errors.ConnectionFailed(
                $"The connection to S3 broke while reading the S3 Select answer for {source} ({error.Message}). Records before the break were already written; run the command again.",
                source,
                error);
        }
    }

    /// <summary>The error of a corrupt frame, returned so that the messages decoded before it in the same read still count.</summary>
    private static SesAnalyticsException? Decode(EventStreamDecoder decoder, byte[] buffer, int count, string source)
    {
        try
        {
            // Always from offset 0: AWSSDK.Core 4.1's decoder loses messages when a chunk starts at another offset.
            decoder.ProcessData(buffer, 0, count);
            return null;
        }
        catch (Exception error)
        {
            return new SesAnalyticsException(
                "SelectStreamCorrupt",
                ErrorKind.InvalidData,
                $"The S3 Select answer for {source} is corrupt ({error.Message}), so nothing after that point can be trusted. Records before it were already written; run the command again, and if it persists check for a proxy that alters responses.",
                source,
                error);
        }
    }
}
