using System.Collections.Frozen;
using Vigil.Core.Events;

namespace Vigil.Detection.Logsources;

/// <summary>A <see cref="LogsourceCondition"/> compiled against a schema: a field id and a span-keyed value set.</summary>
internal readonly struct ClassifierCondition
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _values;
    private readonly bool _hasValues;

    public ClassifierCondition(int fieldId, LogsourceCondition condition)
    {
        FieldId = fieldId;
        _hasValues = !condition.IsExistence;
        _values = condition.Values.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int FieldId { get; }

    public bool IsSatisfiedBy(EventRecord record)
    {
        var entry = record.First(FieldId);
        if (!_hasValues)
        {
            return entry >= 0;
        }

        for (; entry >= 0; entry = record.Next(entry))
        {
            if (_values.Contains(record.ValueAt(entry)))
            {
                return true;
            }
        }

        return false;
    }
}
