namespace Vigil.Ingest.Enrichment.Input;

/// <summary>A YAML node of a context file (scalar, mapping or sequence) with its 1-based position.</summary>
internal sealed class YamlValue
{
    private YamlValue(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public string? Scalar { get; private init; }

    /// <summary>Gets the entries when this is a mapping, in file order.</summary>
    public List<KeyValuePair<YamlValue, YamlValue>>? Mapping { get; private init; }

    /// <summary>Gets the items when this is a sequence.</summary>
    public List<YamlValue>? Sequence { get; private init; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Gets or sets the number of nodes this one expands to (itself included), aliases counted in full.</summary>
    public long Size { get; set; } = 1;

    public string Describe => Scalar is not null ? "a text" : Mapping is not null ? "a mapping" : "a list";

    public static YamlValue NewScalar(string value, int line, int column) => new(line, column) { Scalar = value };

    public static YamlValue NewMapping(int line, int column) => new(line, column) { Mapping = [] };

    public static YamlValue NewSequence(int line, int column) => new(line, column) { Sequence = [] };

    /// <summary>The value of the mapping entry whose key is <paramref name="key"/> (ignoring case), or null.</summary>
    public YamlValue? Get(string key)
    {
        foreach (var (k, v) in Mapping ?? [])
        {
            if (string.Equals(k.Scalar, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
