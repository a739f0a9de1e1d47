using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// Copies from a JSON record only the members on the paths a query can observe (whole values at the ends of the
/// paths, anything that is not an object on the way), validating the whole record as it goes. Parsing the small copy
/// instead of the record is what makes per-record evaluation cheap: an SES event is ~1.5 KB, its partition keys a few
/// dozen bytes.
/// </summary>
internal sealed class JsonPruner
{
    private readonly PathNode _root = new();

    /// <summary>Keeps the whole value at <paramref name="path"/> (member names from the root).</summary>
    public void Keep(IReadOnlyList<string> path)
    {
        PathNode node = _root;
        foreach (string name in path)
        {
            if (node.Whole)
            {
                return;
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            PathNode? child = node.Children.FirstOrDefault(c => c.Name.AsSpan().SequenceEqual(utf8));
            if (child is null)
            {
                child = new PathNode { Name = utf8 };
                node.Children.Add(child);
            }

            node = child;
        }

        node.Whole = true;
        node.Children.Clear();
    }

    /// <summary>The pruned record. Throws <see cref="JsonException"/> when the record is not one valid JSON value.</summary>
    public byte[] Prune(ReadOnlySpan<byte> record)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var reader = new Utf8JsonReader(record, isFinalBlock: true, state: default);
        if (!reader.Read())
        {
            throw new JsonException("The record is empty.");
        }

        Copy(ref reader, record, _root, output);
        if (reader.Read())
        {
            throw new JsonException("The record has more than one JSON value.");
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Copy(ref Utf8JsonReader reader, ReadOnlySpan<byte> record, PathNode node, ArrayBufferWriter<byte> output)
    {
        if (node.Whole || reader.TokenType != JsonTokenType.StartObject)
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            output.Write(record[start..(int)reader.BytesConsumed]);
            return;
        }

        output.Write("{"u8);
        bool first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            PathNode? child = null;
            foreach (PathNode candidate in node.Children)
            {
                if (reader.ValueTextEquals(candidate.Name))
                {
                    child = candidate;
                    break;
                }
            }

            ReadOnlySpan<byte> rawName = reader.ValueSpan;
            reader.Read();
            if (child is null)
            {
                reader.Skip();
                continue;
            }

            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            output.Write("\""u8);
            output.Write(rawName);
            output.Write("\":"u8);
            Copy(ref reader, record, child, output);
        }

        output.Write("}"u8);
    }

    private sealed class PathNode
    {
        public byte[] Name { get; init; } = [];

        public bool Whole { get; set; }

        public List<PathNode> Children { get; } = [];
    }
}
