using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SesAnalytics.Engine.Tests.Aws.S3;

/// <summary>
/// AWS event-stream framing, as S3 Select answers: prelude (total length, headers length, prelude CRC32), string
/// headers (name length, name, type 7, value length, value), payload, message CRC32; all big-endian.
/// </summary>
internal static class EventStreamEncoder
{
    public static byte[] Records(byte[] payload) => Message(payload, (":event-type", "Records"), (":content-type", "application/octet-stream"), (":message-type", "event"));

    public static byte[] Stats(long scanned, long processed, long returned) => Message(
        Encoding.UTF8.GetBytes($"<Stats><BytesScanned>{scanned}</BytesScanned><BytesProcessed>{processed}</BytesProcessed><BytesReturned>{returned}</BytesReturned></Stats>"),
        (":event-type", "Stats"),
        (":content-type", "text/xml"),
        (":message-type", "event"));

    public static byte[] Progress(long scanned, long processed, long returned) => Message(
        Encoding.UTF8.GetBytes($"<Progress><BytesScanned>{scanned}</BytesScanned><BytesProcessed>{processed}</BytesProcessed><BytesReturned>{returned}</BytesReturned></Progress>"),
        (":event-type", "Progress"),
        (":content-type", "text/xml"),
        (":message-type", "event"));

    public static byte[] Cont() => Message([], (":event-type", "Cont"), (":message-type", "event"));

    public static byte[] End() => Message([], (":event-type", "End"), (":message-type", "event"));

    public static byte[] Error(string code, string message) => Message([], (":error-code", code), (":error-message", message), (":message-type", "error"));

    public static byte[] Message(byte[] payload, params (string Name, string Value)[] headers)
    {
        var headerBytes = new MemoryStream();
        foreach ((string name, string value) in headers)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            byte[] valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte((byte)nameBytes.Length);
            headerBytes.Write(nameBytes);
            headerBytes.WriteByte(7);
            byte[] length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
            headerBytes.Write(length);
            headerBytes.Write(valueBytes);
        }

        int total = 12 + (int)headerBytes.Length + payload.Length + 4;
        byte[] message = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(0), (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc32.HashToUInt32(message.AsSpan(0, 8)));
        headerBytes.ToArray().CopyTo(message, 12);
        payload.CopyTo(message, 12 + (int)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc32.HashToUInt32(message.AsSpan(0, total - 4)));
        return message;
    }
}
