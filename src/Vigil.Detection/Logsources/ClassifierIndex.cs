using System.Collections.Frozen;

namespace Vigil.Detection.Logsources;

/// <summary>The variants keyed by the value of one discriminating field (such as <c>Channel</c>).</summary>
internal sealed class ClassifierIndex
{
    public ClassifierIndex(int fieldId, Dictionary<string, List<int>> buckets)
    {
        FieldId = fieldId;
        Buckets = buckets
            .ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int FieldId { get; }

    public FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Buckets { get; }
}
