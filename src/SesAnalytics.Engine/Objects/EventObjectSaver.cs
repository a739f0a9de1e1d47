using System.Globalization;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// Copies event objects into an offline store laid out as the bucket, with each identity and event type encoded by
/// <see cref="PathSegment"/>, so the <c>-Path</c> commands read it. Incremental: an object whose size and ETag match the
/// store's manifest, and whose file is still there with that size, is skipped. Each file is written under a temporary
/// name and renamed once complete.
/// </summary>
public sealed class EventObjectSaver(IS3Client s3, IOutputSink sink)
{
    private const int ProgressId = 1;
    private const string Activity = "Saving SES event objects";

    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    /// <summary>The store folders of the objects saved or found up to date: those whose columnar cache is built next.</summary>
    public IReadOnlyCollection<string> Folders => _folders;

    /// <summary>The file an object is saved to in <paramref name="storeRoot"/>.</summary>
    public static string LocalPath(string storeRoot, EventObject item) => Path.GetFullPath(Path.Combine(
        storeRoot,
        FirehoseLayout.DayFolder(item.Identity, item.EventType, item.Day.ToUtcDay()),
        PathSegment.Encode(item.FileName)));

    /// <summary>
    /// Saves <paramref name="objects"/>; <paramref name="shouldCopy"/> is asked before each copy (ShouldProcess). A
    /// failed object is reported to the sink and the others go on.
    /// </summary>
    public async Task<SaveSummary> SaveAsync(IReadOnlyList<EventObject> objects, string destination, Func<EventObject, string, Task<bool>> shouldCopy, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(destination);
        ObjectManifest manifest = ObjectManifest.Load(root);
        long total = objects.Sum(o => o.Size);
        long done = 0;
        int copied = 0, skipped = 0;
        long bytesCopied = 0;
        try
        {
            foreach (EventObject item in objects)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string local = LocalPath(root, item);
                string relative = Path.GetRelativePath(root, local).Replace(Path.DirectorySeparatorChar, '/');
                if (manifest.IsCurrent(relative, item.Size, item.ETag) && File.Exists(local) && new FileInfo(local).Length == item.Size)
                {
                    skipped++;
                    _folders.Add(Path.GetDirectoryName(local)!);
                    done += item.Size;
                    Report(done, total, item);
                    continue;
                }

                if (!await shouldCopy(item, local).ConfigureAwait(false))
                {
                    done += item.Size;
                    continue;
                }

                try
                {
                    long start = done;
                    (long size, string eTag) = await CopyAsync(item, local, written => Report(start + written, total, item), cancellationToken).ConfigureAwait(false);
                    manifest.Record(relative, size, eTag);
                    _folders.Add(Path.GetDirectoryName(local)!);
                    copied++;
                    bytesCopied += size;
                }
                catch (SesAnalyticsException error)
                {
                    // A run copies many objects: the error names the one that failed, keeping S3's error id.
                    string source = $"s3://{item.BucketName}/{item.Key}";
                    sink.Error(new SesAnalyticsException(error.ErrorId, error.Kind, $"Could not copy '{source}': {error.Message}", source, error));
                }
                catch (IOException error)
                {
                    sink.Error(new SesAnalyticsException("SaveObjectFailed", ErrorKind.WriteError, $"Could not write '{local}' for s3://{item.BucketName}/{item.Key}: {error.Message}", local, error));
                }

                done += item.Size;
                Report(done, total, item);
                manifest.SaveIfDue();
            }
        }
        finally
        {
            // Also when stopped part-way: what was copied stays recorded.
            manifest.Save();
        }

        sink.Progress(new ProgressReport(ProgressId, Activity, "Done", 100, Completed: true));
        return new SaveSummary(copied, skipped, bytesCopied, root);
    }

    private async Task<(long Size, string ETag)> CopyAsync(EventObject item, string local, Action<long> progress, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(local)!;
        Directory.CreateDirectory(directory);
        // Not *.gz, so a store reader never takes a half-written file for an object.
        string temp = Path.Combine(directory, "." + Path.GetFileName(local) + ".tmp");
        try
        {
            long written = 0;
            string eTag;
            await using (S3ObjectContent content = await s3.GetObjectAsync(item.BucketName, item.Key, cancellationToken).ConfigureAwait(false))
            await using (cancellationToken.Register(content.Dispose))
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                eTag = content.ETag.Length > 0 ? content.ETag : item.ETag;
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = await content.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    written += read;
                    progress(written);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, local, overwrite: true);
            sink.Verbose($"Saved s3://{item.BucketName}/{item.Key} to '{local}' ({written} bytes).");
            return (written, eTag);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private void Report(long done, long total, EventObject item) => sink.Progress(new ProgressReport(
        ProgressId,
        Activity,
        string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} bytes"),
        total == 0 ? 100 : (int)(done * 100 / total),
        item.Key));
}
