using Vigil.Core.Events;

namespace Vigil.Ingest.Sources;

/// <summary>Opens event files for reading and expands the paths a user gives into files.</summary>
public static class EventSources
{
    /// <summary>
    /// Opens an event file. Nothing is read until the source's batches are enumerated; errors (missing or unreadable
    /// file, unrecognised content, truncated gzip) are reported then, to the error sink, and never thrown.
    /// gzip-compressed files are recognised by their magic bytes and read transparently.
    /// </summary>
    /// <param name="path">The file path; it is also the source name in locations and errors.</param>
    /// <param name="format">The format, or <see cref="EventFileFormat.Auto"/> to detect it from the content.</param>
    /// <returns>The source.</returns>
    public static IEventSource Open(string path, EventFileFormat format = EventFileFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown event file format.");
        }

        return new FileEventSource(path, format);
    }

    /// <summary>
    /// Reads events from bytes in memory (an HTTP body, a stored ingest batch) exactly as from a file of the same content:
    /// gzip is detected, the format detected when <paramref name="format"/> is <see cref="EventFileFormat.Auto"/>,
    /// malformed records reported with <paramref name="name"/> and their line.
    /// </summary>
    /// <param name="name">The name errors and hits carry (for example <c>http:batch-42</c>).</param>
    /// <param name="content">The bytes; not copied, so they must not change while the source is read.</param>
    /// <param name="format">The format, or <see cref="EventFileFormat.Auto"/> to detect it.</param>
    /// <returns>The source.</returns>
    public static IEventSource FromBytes(string name, ReadOnlyMemory<byte> content, EventFileFormat format = EventFileFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown event file format.");
        }

        return new FileEventSource(name, format, () => InputFile.FromStream(new ReadOnlyMemoryStream(content)));
    }

    /// <summary>
    /// Expands paths into event files: a file stays as given; a directory gives its regular files, recursively, sorted by
    /// path (ordinal), skipping hidden files and directories (dot names or the hidden attribute) and not following
    /// symbolic links to directories. A missing path or an unlistable directory is reported and skipped.
    /// A file reached twice is listed once.
    /// </summary>
    /// <param name="paths">The paths.</param>
    /// <param name="errors">Receives the paths that cannot be used.</param>
    /// <returns>The files, in the order of <paramref name="paths"/>.</returns>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, IReadErrorSink errors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(errors);
        return PathExpander.Expand(paths, errors);
    }
}
