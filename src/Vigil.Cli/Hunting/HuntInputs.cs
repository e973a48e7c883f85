using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Cli.Hunting;

/// <summary>The event files a hunt reads: paths expanded to files (missing ones reported), their total size, and their sources.</summary>
internal sealed class HuntInputs
{
    private HuntInputs(IReadOnlyList<string> files, long totalBytes)
    {
        Files = files;
        TotalBytes = totalBytes;
    }

    /// <summary>Gets the files, in order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the total size of the files in bytes.</summary>
    public long TotalBytes { get; }

    /// <summary>Expands files and folders into event files; paths that do not exist go to <paramref name="errors"/>.</summary>
    /// <param name="paths">The paths given on the command line.</param>
    /// <param name="errors">Receives missing or unreadable paths.</param>
    /// <returns>The inputs.</returns>
    public static HuntInputs Expand(IReadOnlyList<string> paths, IReadErrorSink errors)
    {
        var files = EventSources.ExpandPaths(paths, errors).ToList();
        long total = 0;
        foreach (var file in files)
        {
            try
            {
                total += new FileInfo(file).Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The reader reports an unreadable file when it opens it; it adds nothing to the total.
            }
        }

        return new HuntInputs(files, total);
    }

    /// <summary>Opens each file as it is reached (lazily, so that only one is open at a time).</summary>
    /// <param name="format">The input format, or <see cref="EventFileFormat.Auto"/> to detect it per file.</param>
    /// <returns>The sources.</returns>
    public IEnumerable<IEventSource> OpenSources(EventFileFormat format = EventFileFormat.Auto)
    {
        foreach (var file in Files)
        {
            yield return EventSources.Open(file, format);
        }
    }
}
