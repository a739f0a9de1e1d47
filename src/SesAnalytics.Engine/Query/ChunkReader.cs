using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// A statement's rows in DuckDB's streaming mode, read chunk by chunk through DuckDB's C API, as DuckDB.NET's reader
/// reads them, for the one statement whose rows are many and whose text columns repeat: each text column keeps the
/// strings of its recent values (<see cref="RecentText"/>), and a value with the same bytes is that string again instead
/// of a new one (a bounce's type, action, status, diagnostic code, tags and account take a handful of values over
/// thousands of rows). Text and 32-bit integer columns only; the statement's values are bound as text.
/// </summary>
internal sealed unsafe class ChunkReader : IDisposable
{
    private readonly DuckDBPreparedStatement _statement;
    private readonly RecentText[] _text;
    private readonly DuckDBType[] _types;

    // The current chunk's vectors, each column's values and validity mask (null: no NULL in it), looked up once a chunk.
    private readonly nint[] _data;
    private readonly nint[] _validity;
    private DuckDBResult _result;
    private bool _executed;
    private DuckDBDataChunk? _chunk;
    private ulong _size;
    private ulong _row;

    private ChunkReader(DuckDBPreparedStatement statement, DuckDBResult result, int columns)
    {
        _statement = statement;
        _result = result;
        _executed = true;
        _text = new RecentText[columns];
        _types = new DuckDBType[columns];
        _data = new nint[columns];
        _validity = new nint[columns];
        for (int i = 0; i < columns; i++)
        {
            _types[i] = NativeMethods.Query.DuckDBColumnType(ref _result, i);
            _text[i] = new RecentText();
        }
    }

    /// <summary>Prepares, binds and starts <paramref name="statement"/>; a statement DuckDB refuses is a <see cref="DuckDbStatementException"/>.</summary>
    public static ChunkReader Execute(DuckDBConnection connection, SqlStatement statement)
    {
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, statement.Text, out DuckDBPreparedStatement prepared) != DuckDBState.Success)
        {
            string message = NativeMethods.PreparedStatements.DuckDBPrepareError(prepared);
            prepared.Dispose();
            throw new DuckDbStatementException(message);
        }

        try
        {
            for (int i = 0; i < statement.Parameters.Count; i++)
            {
                string text = statement.Parameters[i] as string
                    ?? throw new ArgumentException($"Parameter {i + 1} is not text: the chunk reader binds text only.", nameof(statement));
                if (NativeMethods.PreparedStatements.DuckDBBindVarchar(prepared, i + 1, text) != DuckDBState.Success)
                {
                    throw new DuckDbStatementException(NativeMethods.PreparedStatements.DuckDBPrepareError(prepared));
                }
            }

            if (NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(prepared, out DuckDBResult result) != DuckDBState.Success)
            {
                string message = NativeMethods.Query.DuckDBResultError(ref result);
                NativeMethods.Query.DuckDBDestroyResult(ref result);
                throw new DuckDbStatementException(message);
            }

            return new ChunkReader(prepared, result, (int)NativeMethods.Query.DuckDBColumnCount(ref result));
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row; false at the end. A failure while DuckDB reads is a <see cref="DuckDbStatementException"/>.</summary>
    public bool Read()
    {
        if (++_row < _size)
        {
            return true;
        }

        _chunk?.Dispose();
        _chunk = null;
        _size = 0;
        _row = 0;
        while (true)
        {
            DuckDBDataChunk chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(_result);
            if (chunk.IsInvalid)
            {
                chunk.Dispose();
                string? error = NativeMethods.Query.DuckDBResultError(ref _result);
                return string.IsNullOrEmpty(error) ? false : throw new DuckDbStatementException(error);
            }

            ulong size = NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            _chunk = chunk;
            _size = size;
            for (int column = 0; column < _data.Length; column++)
            {
                IntPtr vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, column);
                _data[column] = (nint)NativeMethods.Vectors.DuckDBVectorGetData(vector);
                _validity[column] = (nint)NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            }

            return true;
        }
    }

    /// <summary>The current row's value of a 32-bit integer column, which must not be NULL.</summary>
    public int GetInt32(int column)
    {
        Expect(column, DuckDBType.Integer);
        return ((int*)_data[column])[_row];
    }

    /// <summary>The current row's value of a text column, or null.</summary>
    public string? GetText(int column)
    {
        Expect(column, DuckDBType.Varchar);
        ulong* validity = (ulong*)_validity[column];
        if (validity is not null && (validity[_row / 64] & (1UL << (int)(_row % 64))) == 0)
        {
            return null;
        }

        // duckdb_string_t: a 32-bit length, then up to 12 bytes inline, or a 4-byte prefix and a pointer.
        byte* value = (byte*)_data[column] + (_row * 16);
        int length = *(int*)value;
        byte* bytes = length <= 12 ? value + 4 : *(byte**)(value + 8);
        return _text[column].Of(new ReadOnlySpan<byte>(bytes, length));
    }

    /// <summary>
    /// Asks DuckDB to stop the statement running on <paramref name="connection"/>: <see cref="Execute"/> or the next
    /// <see cref="Read"/> then fails. Starting a streamed statement may already run it, so an interrupt can be needed
    /// before there is a reader.
    /// </summary>
    public static void Interrupt(DuckDBConnection connection) => NativeMethods.Startup.DuckDBInterrupt(connection.NativeConnection);

    public void Dispose()
    {
        _chunk?.Dispose();
        _chunk = null;
        if (_executed)
        {
            _executed = false;
            NativeMethods.Query.DuckDBDestroyResult(ref _result);
        }

        _statement.Dispose();
    }

    private void Expect(int column, DuckDBType type)
    {
        if (_chunk is null || _types[column] != type)
        {
            throw new InvalidOperationException(_chunk is null
                ? "No current row: call Read first."
                : $"Column {column} is {_types[column]}, not {type}.");
        }
    }
}

/// <summary>A statement DuckDB refused or failed while its rows were read, with DuckDB's message.</summary>
internal sealed class DuckDbStatementException(string message) : Exception(message);
