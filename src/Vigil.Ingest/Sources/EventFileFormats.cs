using System.Collections.Frozen;

namespace Vigil.Ingest.Sources;

/// <summary>The names users give formats on the command line (<c>--format</c>), and back.</summary>
public static class EventFileFormats
{
    private static readonly (string Name, EventFileFormat Format)[] Names =
    [
        ("auto", EventFileFormat.Auto),
        ("ndjson", EventFileFormat.Ndjson),
        ("json-array", EventFileFormat.JsonArray),
        ("json", EventFileFormat.JsonConcatenated),
        ("evtx", EventFileFormat.Evtx),
        ("xml", EventFileFormat.WindowsXml),
        ("syslog", EventFileFormat.Syslog),
        ("cef", EventFileFormat.Cef),
        ("leef", EventFileFormat.Leef),
        ("cloudtrail", EventFileFormat.CloudTrail),
        ("zeek", EventFileFormat.ZeekTsv),
        ("auditd", EventFileFormat.Auditd),
    ];

    private static readonly FrozenDictionary<string, EventFileFormat> ByName =
        Names.ToFrozenDictionary(n => n.Name, n => n.Format, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets every accepted name, in a stable order.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>Parses a format name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out EventFileFormat format)
    {
        format = EventFileFormat.Auto;
        return name is not null && ByName.TryGetValue(name.Trim(), out format);
    }

    /// <summary>Gets the command-line name of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    public static string NameOf(EventFileFormat format)
    {
        foreach (var (name, value) in Names)
        {
            if (value == format)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown event file format.");
    }
}
