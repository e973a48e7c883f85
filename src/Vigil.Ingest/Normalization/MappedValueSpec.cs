using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>A field's value translated through a table (ignoring case); values not in the table give the default, or nothing.</summary>
public sealed class MappedValueSpec : ValueSpec
{
    private readonly FrozenDictionary<string, string> _table;

    internal MappedValueSpec(ValueSpec input, IReadOnlyDictionary<string, string> table, string? fallback)
    {
        Input = input;
        _table = table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Default = fallback;
    }

    /// <summary>Gets the spec giving the value to translate.</summary>
    public ValueSpec Input { get; }

    /// <summary>Gets the value for inputs the table lacks, or null.</summary>
    public string? Default { get; }

    /// <summary>Gets the values the table can give.</summary>
    public IEnumerable<string> Produced => _table.Values.Distinct(StringComparer.Ordinal);

    /// <inheritdoc />
    public override IEnumerable<string> Fields => Input.Fields;

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record)
    {
        var value = Input.Evaluate(record);
        if (value is null)
        {
            return null;
        }

        return _table.TryGetValue(value.Trim(), out var mapped) ? mapped : Default;
    }
}
