using System.IO.Compression;
using System.Reflection;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Opens the GZIP stream of a store object. <see cref="CompressionLevel.Fastest"/> is zlib's level 1 (the size of
/// <c>gzip -1</c>) on .NET 8, but .NET 9 and later compress with zlib-ng, whose fastest level is its "quick" strategy:
/// objects about 40 % larger than <c>gzip -1</c>'s (154 against 109 bytes an event). Where the runtime offers
/// <c>ZLibCompressionOptions</c> (.NET 9 and later, so PowerShell 7.5 and later), level 4 is used instead: on 130 MB of
/// generated events it wrote 7.6 MB where level 2 wrote 10.3 MB (the size of <c>gzip -1</c>) and <c>gzip -6</c> 7.0 MB,
/// for about 15 % more time than level 2, still half of <c>gzip -1</c>'s, and reading it back was no slower. The module is
/// built for .NET 8, so the option is looked up once at run time.
/// </summary>
internal static class ObjectCompressor
{
    private const int ZlibNgLevel = 4;

    private static readonly Func<Stream, GZipStream> Create = Find();

    public static GZipStream Open(Stream file) => Create(file);

    private static Func<Stream, GZipStream> Find()
    {
        Type? optionsType = typeof(GZipStream).Assembly.GetType("System.IO.Compression.ZLibCompressionOptions");
        ConstructorInfo? constructor = optionsType is null
            ? null
            : typeof(GZipStream).GetConstructor([typeof(Stream), optionsType, typeof(bool)]);
        PropertyInfo? level = optionsType?.GetProperty("CompressionLevel");
        if (constructor is null || level is null)
        {
            return file => new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
        }

        object options = Activator.CreateInstance(optionsType!)!;
        level.SetValue(options, ZlibNgLevel);
        return file => (GZipStream)constructor.Invoke([file, options, true]);
    }
}
