using System.Text;
using Amazon.Runtime.EventStreams;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Aws.S3;

public sealed class EventStreamReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(4096)]
    public async Task Messages_come_whole_however_the_reads_cut_them(int readSize)
    {
        byte[] wire = [.. EventStreamEncoder.Records("a\nb"u8.ToArray()), .. EventStreamEncoder.Cont(), .. EventStreamEncoder.Error("Code", "Text")];

        var messages = new List<EventStreamMessage>();
        await foreach (EventStreamMessage message in EventStreamReader.ReadAsync(new TricklingStream(wire, readSize), "s3://b/k", TimeSpan.FromSeconds(10), default))
        {
            messages.Add(message);
        }

        Assert.Equal(["Records", "Cont", null], messages.Select(m => EventStreamReader.Header(m, ":event-type")));
        Assert.Equal("a\nb", Encoding.UTF8.GetString(messages[0].Payload));
        Assert.Equal(("error", "Code", "Text"), (EventStreamReader.Header(messages[2], ":message-type"), EventStreamReader.Header(messages[2], ":error-code"), EventStreamReader.Header(messages[2], ":error-message")));
    }

    [Fact]
    public async Task A_corrupt_prelude_is_SelectStreamCorrupt()
    {
        byte[] wire = EventStreamEncoder.End();
        wire[1] ^= 0x01;

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(async () =>
        {
            await foreach (EventStreamMessage unused in EventStreamReader.ReadAsync(new MemoryStream(wire), "s3://b/k", TimeSpan.FromSeconds(10), default))
            {
            }
        });

        Assert.Equal(("SelectStreamCorrupt", ErrorKind.InvalidData), (error.ErrorId, error.Kind));
        Assert.Contains("s3://b/k", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Gives at most <c>readSize</c> bytes per read, as a slow network does.</summary>
    private sealed class TricklingStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
