using Vigil.Core.Events;

namespace Vigil.Ingest.Sources;

/// <summary>Implements <see cref="EventSources.ExpandPaths"/>.</summary>
internal static class PathExpander
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.None,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Expands the paths.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="errors">Receives the paths that cannot be used.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, IReadErrorSink errors)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path))
            {
                errors.OnError(new ReadError(path ?? string.Empty, 0, "empty path"));
                continue;
            }

            if (File.Exists(path))
            {
                Add(path, result, seen);
            }
            else if (Directory.Exists(path))
            {
                var files = new List<string>();
                Collect(path, files, errors);
                files.Sort(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    Add(file, result, seen);
                }
            }
            else
            {
                errors.OnError(new ReadError(path, 0, "no such file or directory"));
            }
        }

        return result;
    }

    private static void Add(string path, List<string> result, HashSet<string> seen)
    {
        if (seen.Add(Path.GetFullPath(path)))
        {
            result.Add(path);
        }
    }

    private static void Collect(string directory, List<string> files, IReadErrorSink errors)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos("*", ListOptions)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.OnError(new ReadError(directory, 0, $"cannot list directory: {ex.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
            {
                continue;
            }

            var path = Path.Join(directory, entry.Name);
            if (entry is DirectoryInfo)
            {
                if (entry.LinkTarget is null)
                {
                    Collect(path, files, errors);
                }
            }
            else if (IsRegularFile(entry, path, errors))
            {
                files.Add(path);
            }
        }
    }

    /// <summary>Keeps files and links to files; drops dangling links and links to directories.</summary>
    private static bool IsRegularFile(FileSystemInfo entry, string path, IReadErrorSink errors)
    {
        if (entry.LinkTarget is null)
        {
            return true;
        }

        try
        {
            return entry.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true };
        }
        catch (IOException ex)
        {
            errors.OnError(new ReadError(path, 0, $"cannot resolve link: {ex.Message}"));
            return false;
        }
    }
}
