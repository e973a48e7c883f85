using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>The first of one or more source fields that the event has with a non-empty value.</summary>
public sealed class FieldValueSpec : ValueSpec
{
    internal FieldValueSpec(IReadOnlyList<string> fields)
    {
        Names = fields;
    }

    /// <summary>Gets the fields, in order of preference.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Fields => Names;

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record)
    {
        foreach (var name in Names)
        {
            if (FirstValue(record, name) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
