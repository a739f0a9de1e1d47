using DuckDB.NET.Data;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Store.Cache;

/// <summary>
/// Writes a folder's cache: every field of <see cref="EventFields"/> for its event type, read from its objects with
/// errors not ignored (a folder with a bad object or line keeps being read from its objects, so the problem is reported
/// each time), into a zstd Parquet file with DuckDB's <c>COPY</c>. Both files are written under temporary names and the
/// old manifest is removed before either is renamed into place, so a stop or crash at any point leaves a cache that is
/// missing or stale, never one that looks fresh and is not.
/// Builds run on a database of their own set to one thread, so each build runs on its caller's thread alone, and write
/// row groups of <see cref="RowGroupRows"/> rows: folders are built side by side instead (<see cref="EventCaches"/>),
/// and one single-threaded build of a day's
/// Delivery folder (133,000 events) peaked at about 80 MB above the process where the shared two-thread database
/// with DuckDB's default row groups took about 300 MB, for less CPU.
/// </summary>
internal static class EventCacheBuilder
{
    private const string TempSuffix = ".tmp";
    private const int RowGroupRows = 16384;

    private static readonly DuckDbDatabase BuildDatabase = new("SET threads = 1");

    /// <summary>Builds the cache of <paramref name="folder"/>; the manifest written (unbuildable with the reason when DuckDB refused the objects).</summary>
    public static CacheManifest Build(string storeRoot, FolderListing folder, CancellationToken cancellationToken)
    {
        string cacheFolder = EventCache.FolderOf(storeRoot, folder.Path);
        Directory.CreateDirectory(cacheFolder);
        RemoveTemporaryFiles(cacheFolder);
        string id = Guid.NewGuid().ToString("N");
        string tempData = Path.Combine(cacheFolder, $".{EventCache.DataFileName}.{id}{TempSuffix}");
        string tempManifest = Path.Combine(cacheFolder, $".{EventCache.ManifestFileName}.{id}{TempSuffix}");
        IReadOnlyList<CachedObject> objects = CacheManifest.Snapshot(folder.Objects);
        string schema = EventCache.SchemaOf(folder.EventType);
        try
        {
            CacheManifest manifest;
            try
            {
                long rows = Copy(folder, tempData, cancellationToken);
                manifest = new CacheManifest(schema, objects, new FileInfo(tempData).Length, rows, Unbuildable: null);
            }
            catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested)
            {
                manifest = new CacheManifest(schema, objects, 0, 0, $"an object does not read cleanly ({FirstLine(error.Message)})");
            }

            manifest.Save(tempManifest);
            Replace(cacheFolder, manifest.Unbuildable is null ? tempData : null, tempManifest);
            return manifest;
        }
        finally
        {
            File.Delete(tempData);
            File.Delete(tempManifest);
        }
    }

    /// <summary>The number of rows in a cache file, from its metadata, and that it reads as Parquet.</summary>
    public static long CountRows(string dataFile)
    {
        using DuckDBConnection connection = QueryRunner.Connect();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet({DuckDbJson.Literal(dataFile)})";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Removes the cache of a folder: the manifest first, so what is left is never taken for a cache.</summary>
    public static void Remove(string cacheFolder)
    {
        File.Delete(Path.Combine(cacheFolder, EventCache.ManifestFileName));
        File.Delete(Path.Combine(cacheFolder, EventCache.DataFileName));
        RemoveTemporaryFiles(cacheFolder);
    }

    private static long Copy(FolderListing folder, string target, CancellationToken cancellationToken)
    {
        DuckDbColumns columns = EventFields.Of(folder.EventType);
        string source = DuckDbJson.Read(folder.Objects.Select(o => o.FullName), columns.Render(), ignoreErrors: false);
        using DuckDBConnection connection = BuildDatabase.Connect();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT *, {columns.Derive()} FROM {source}) TO {DuckDbJson.Literal(target)} " +
            $"(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE {RowGroupRows})";
        try
        {
            using var interrupter = new CommandInterrupter(command);
            using CancellationTokenRegistration registration = cancellationToken.Register(interrupter.Start);
            command.ExecuteNonQuery();
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        // From the file's metadata: the row count the file itself declares is what a later check compares with.
        return CountRows(target);
    }

    private static void Replace(string cacheFolder, string? tempData, string tempManifest)
    {
        string manifest = Path.Combine(cacheFolder, EventCache.ManifestFileName);
        string data = Path.Combine(cacheFolder, EventCache.DataFileName);
        File.Delete(manifest);
        if (tempData is null)
        {
            File.Delete(data);
        }
        else
        {
            File.Move(tempData, data, overwrite: true);
        }

        File.Move(tempManifest, manifest, overwrite: true);
    }

    private static void RemoveTemporaryFiles(string cacheFolder)
    {
        if (!Directory.Exists(cacheFolder))
        {
            return;
        }

        foreach (string temp in Directory.EnumerateFiles(cacheFolder, "*" + TempSuffix))
        {
            File.Delete(temp);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
