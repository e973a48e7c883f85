namespace Vigil.Ingest.Normalization;

/// <summary>
/// The normalization maps of every source type, loaded from a folder of YAML files (one source type per file). A file that
/// is not valid is reported with its line and column and left out; the others load. Mappings are tried in order of
/// priority (lower first), then file name.
/// </summary>
public sealed class NormalizationMap
{
    /// <summary>The folder of the default maps, relative to the executable or to the repository root.</summary>
    public const string DefaultRelativePath = "maps/normalize";

    private NormalizationMap(IReadOnlyList<SourceMapping> mappings, IReadOnlyList<NormalizationMapException> errors)
    {
        Mappings = mappings;
        Errors = errors;
    }

    /// <summary>Gets the mappings that loaded, in the order they are tried.</summary>
    public IReadOnlyList<SourceMapping> Mappings { get; }

    /// <summary>Gets the files that did not load, and why.</summary>
    public IReadOnlyList<NormalizationMapException> Errors { get; }

    /// <summary>Loads the maps from a folder (every <c>*.yaml</c> and <c>*.yml</c> file in it, not recursive) or from one file.</summary>
    /// <param name="path">A folder or a file.</param>
    /// <returns>The maps, with the errors of the files that did not load.</returns>
    /// <exception cref="DirectoryNotFoundException">The path does not exist.</exception>
    public static NormalizationMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            files = [.. Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        else
        {
            throw new DirectoryNotFoundException($"normalization maps not found: {path}");
        }

        return FromTexts(files.Select(f => (f, ReadText(f))));
    }

    /// <summary>Loads the default maps (<see cref="DefaultRelativePath"/> beside the executable or in the repository root).</summary>
    /// <returns>The maps.</returns>
    /// <exception cref="DirectoryNotFoundException">No default maps were found.</exception>
    public static NormalizationMap LoadDefault()
        => Load(FindDefaultDirectory() ?? throw new DirectoryNotFoundException(
            $"No {DefaultRelativePath} folder next to the executable ({AppContext.BaseDirectory}) or in a repository root (a folder with Vigil.slnx) above it or above the current directory."));

    /// <summary>Returns the folder <see cref="LoadDefault"/> reads, or null.</summary>
    /// <returns>A folder, or null.</returns>
    public static string? FindDefaultDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
                {
                    var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>Builds maps from texts (file name, YAML text); a null text stands for a file that could not be read.</summary>
    /// <param name="files">The files.</param>
    /// <returns>The maps.</returns>
    public static NormalizationMap FromTexts(IEnumerable<(string File, string? Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var mappings = new List<SourceMapping>();
        var errors = new List<NormalizationMapException>();
        foreach (var (file, text) in files)
        {
            if (text is null)
            {
                errors.Add(new NormalizationMapException(file, 0, 0, "cannot read the file"));
                continue;
            }

            try
            {
                var mapping = NormalizationMapParser.Parse(text, file);
                var clash = mappings.Find(m => string.Equals(m.Source, mapping.Source, StringComparison.Ordinal));
                if (clash is not null)
                {
                    errors.Add(new NormalizationMapException(file, 1, 1, $"source '{mapping.Source}' is already defined in {clash.File}; this file is left out"));
                    continue;
                }

                mappings.Add(mapping);
            }
            catch (NormalizationMapException ex)
            {
                errors.Add(ex);
            }
        }

        return new NormalizationMap([.. mappings.OrderBy(m => m.Priority).ThenBy(m => m.File, StringComparer.Ordinal)], errors);
    }

    private static string? ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
