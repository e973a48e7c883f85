using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// How one attribute of the normalized view gets its value from an event: a source field, the first present of several,
/// a constant, a translation table, a template over fields, or a regular-expression extraction. A spec yields nothing when
/// its inputs are absent or empty (the attribute is then left out).
/// </summary>
public abstract class ValueSpec
{
    private protected ValueSpec()
    {
    }

    /// <summary>Gets the source fields the spec reads (for building a schema and for documentation).</summary>
    public abstract IEnumerable<string> Fields { get; }

    /// <summary>Evaluates the spec.</summary>
    /// <param name="record">The event.</param>
    /// <returns>The value, or null when there is none.</returns>
    public abstract string? Evaluate(EventRecord record);

    /// <summary>Returns the first non-empty value of a field, or null.</summary>
    private protected static string? FirstValue(EventRecord record, string field)
    {
        var entry = record.Find(field);
        if (entry < 0)
        {
            return null;
        }

        var value = record.ValueAt(entry).Trim();
        return value.IsEmpty || IsPlaceholder(value) ? null : value.ToString();
    }

    /// <summary>Windows and Zeek write "-" for "no value".</summary>
    private static bool IsPlaceholder(ReadOnlySpan<char> value) => value is "-";
}
