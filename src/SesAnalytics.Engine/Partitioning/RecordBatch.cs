using System.Buffers;
using System.Runtime.CompilerServices;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Records read together, with the first line number of each: slices of one pooled buffer for JSON lines (no copy per
/// record), or records of their own. Disposing it gives the buffer back, so it is disposed once its records are routed.
/// </summary>
internal sealed class RecordBatch(byte[]? pooled = null) : IDisposable
{
    // A buffer of JSON lines holds a few hundred SES events: room for them at once, rather than growing the list as they come.
    private readonly List<(ReadOnlyMemory<byte> Record, long Line)> _records = new(pooled is null ? 0 : 512);
    private byte[]? _pooled = pooled;

    public IReadOnlyList<(ReadOnlyMemory<byte> Record, long Line)> Records => _records;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlyMemory<byte> record, long line) => _records.Add((record, line));

    public void Dispose()
    {
        if (_pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(_pooled);
            _pooled = null;
        }
    }
}
