using System.Collections.Frozen;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Logsources;

/// <summary>
/// Sigma logsources as data: which events belong to each logsource (product / category / service) and how Sigma
/// field names map to event field names, loaded from a YAML file such as <c>maps/logsources.yaml</c>
/// (format in <c>docs/logsources.md</c>). Validated at load; immutable and thread-safe.
/// </summary>
public sealed class LogsourceMap
{
    private readonly LogsourceDefinition[] _definitions;

    private LogsourceMap(string sourceName, List<LogsourceDefinition> definitions)
    {
        SourceName = sourceName;
        _definitions = [.. definitions];
        Variants = [.. definitions.SelectMany(d => d.Variants)];
        ConditionFieldNames = Variants.SelectMany(v => v.ConditionFields).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the file (or name) the map came from.</summary>
    public string SourceName { get; }

    /// <summary>Gets every variant, indexed by <see cref="LogsourceVariant.Id"/> (0 to <c>Count - 1</c>).</summary>
    public IReadOnlyList<LogsourceVariant> Variants { get; }

    /// <summary>Gets the event field names any condition reads; a classifier's schema must contain them all.</summary>
    public IReadOnlyCollection<string> ConditionFieldNames { get; }

    /// <summary>Loads and validates a map file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="LogsourceMapException">The file is not a valid map (the message names the line and the reason).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LogsourceMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > LogsourceConstants.MaxFileBytes)
        {
            throw new LogsourceMapException(path, 0, 0, $"the file is larger than {LogsourceConstants.MaxFileBytes} bytes");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates map YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in error messages (a file path).</param>
    /// <returns>The map.</returns>
    /// <exception cref="LogsourceMapException">The text is not a valid map.</exception>
    public static LogsourceMap Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new LogsourceMap(sourceName, LogsourceMapParser.Parse(yaml, sourceName));
    }

    /// <summary>
    /// Loads the default map: <c>maps/logsources.yaml</c> next to the executable, else in the repository root found by
    /// walking up from the executable's folder and then from the current directory to the folder holding <c>Vigil.slnx</c>.
    /// </summary>
    /// <returns>The map.</returns>
    /// <exception cref="FileNotFoundException">No default map was found.</exception>
    /// <exception cref="LogsourceMapException">The file is not a valid map.</exception>
    public static LogsourceMap LoadDefault()
    {
        var path = FindDefaultPath()
            ?? throw new FileNotFoundException(
                $"No {LogsourceConstants.DefaultRelativePath} next to the executable ({AppContext.BaseDirectory}) "
                + $"or in a repository root (a folder with {LogsourceConstants.RepositoryMarker}) above it or above the current directory.",
                LogsourceConstants.DefaultRelativePath);
        return Load(path);
    }

    /// <summary>Returns the path <see cref="LoadDefault"/> would read, or null when there is none.</summary>
    /// <returns>A file path, or null.</returns>
    public static string? FindDefaultPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, LogsourceConstants.DefaultRelativePath);
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, LogsourceConstants.RepositoryMarker)))
                {
                    var candidate = Path.Combine(dir.FullName, LogsourceConstants.DefaultRelativePath);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the variants of every definition that answers <paramref name="logsource"/>: each key the rule names
    /// (product, category, service) must be present in the definition with an equal value, ignoring case; keys the rule
    /// omits are free. The result is in id order; an empty result means the logsource is unknown to this map.
    /// </summary>
    /// <param name="logsource">The rule's logsource.</param>
    /// <returns>The matching variants.</returns>
    public IReadOnlyList<LogsourceVariant> Resolve(SigmaLogsource logsource)
    {
        ArgumentNullException.ThrowIfNull(logsource);
        List<LogsourceVariant>? result = null;
        foreach (var definition in _definitions)
        {
            if (definition.Answers(logsource.Product, logsource.Category, logsource.Service))
            {
                (result ??= []).AddRange(definition.Variants);
            }
        }

        return result is null ? [] : result;
    }

    /// <summary>Builds the per-event classifier over <paramref name="schema"/>, which must contain <see cref="ConditionFieldNames"/>.</summary>
    /// <param name="schema">The schema events are read with.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentException">A condition field is missing from the schema.</exception>
    public LogsourceClassifier CreateClassifier(EventSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new LogsourceClassifier(this, schema);
    }
}
