using System.Collections.Frozen;
using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>
/// The needles of one field, over every bucket: whole values in a hash table, substrings in one automaton, so each
/// value of the field is looked up and scanned once per event whatever the number of buckets the event belongs to.
/// </summary>
internal sealed class FieldIndex
{
    public FieldIndex(int fieldId, IReadOnlyList<(Needle Needle, int Trigger)> needles, int[] buckets)
    {
        FieldId = fieldId;
        Buckets = buckets;
        var whole = needles.Where(n => n.Needle.Whole)
            .GroupBy(n => n.Needle.Text, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Trigger).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
        HasWhole = whole.Count > 0;
        MinWholeLength = HasWhole ? whole.Keys.Min(k => k.Length) : 0;
        MaxWholeLength = HasWhole ? whole.Keys.Max(k => k.Length) : -1;
        Whole = whole.GetAlternateLookup<ReadOnlySpan<char>>();
        var partial = needles.Where(n => !n.Needle.Whole).Select(n => (n.Needle.Text, n.Trigger)).ToList();
        Automaton = partial.Count > 0 ? new NeedleAutomaton(partial) : null;
    }

    public int FieldId { get; }

    /// <summary>Gets the buckets with needles on this field: the field is skipped when none of them applies to the event.</summary>
    public int[] Buckets { get; }

    public bool HasWhole { get; }

    /// <summary>Gets the shortest whole-value needle: shorter values cannot match and skip the hash lookup.</summary>
    public int MinWholeLength { get; }

    /// <summary>Gets the longest whole-value needle (-1 when none): longer values skip the hash lookup.</summary>
    public int MaxWholeLength { get; }

    public FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Whole { get; }

    public NeedleAutomaton? Automaton { get; }

    /// <summary>Gets or sets the offset of this index's needle ids in the per-thread needle stamps.</summary>
    public int NeedleBase { get; set; }
}
