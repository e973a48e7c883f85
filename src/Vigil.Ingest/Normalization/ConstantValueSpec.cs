using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>A constant.</summary>
public sealed class ConstantValueSpec : ValueSpec
{
    internal ConstantValueSpec(string value)
    {
        Value = value;
    }

    /// <summary>Gets the value.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Fields => [];

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record) => Value;
}
