using System.Diagnostics.CodeAnalysis;
using Vigil.Core.Events;

namespace Vigil.Detection.Logsources;

/// <summary>
/// Finds, once per event, every <see cref="LogsourceVariant"/> whose conditions the event satisfies. Variants are
/// indexed by the value of a discriminating field (the valued condition field most variants share, such as
/// <c>Channel</c>), so an event costs one lookup per indexed field plus the confirmation of the few candidates and of
/// the variants that only test that fields exist. Allocation-free; immutable and thread-safe.
/// </summary>
public sealed class LogsourceClassifier
{
    private readonly EventSchema _schema;
    private readonly ClassifierIndex[] _indexes;
    private readonly ClassifierCondition[][] _confirm;
    private readonly int[] _unindexed;

    internal LogsourceClassifier(LogsourceMap map, EventSchema schema)
    {
        Map = map;
        _schema = schema;
        var missing = map.ConditionFieldNames.Where(f => schema.Resolve(f) < 0).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The schema lacks condition fields of {map.SourceName}: {string.Join(", ", missing)}. Add LogsourceMap.ConditionFieldNames to it.",
                nameof(schema));
        }

        var popularity = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var condition in map.Variants.SelectMany(v => v.Conditions).Where(c => !c.IsExistence))
        {
            popularity[condition.Field] = popularity.GetValueOrDefault(condition.Field) + 1;
        }

        var buckets = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.OrdinalIgnoreCase);
        var unindexed = new List<int>();
        _confirm = new ClassifierCondition[map.Variants.Count][];
        foreach (var variant in map.Variants)
        {
            var key = variant.Conditions
                .Where(c => !c.IsExistence)
                .OrderByDescending(c => popularity[c.Field])
                .ThenBy(c => c.Values.Count)
                .ThenBy(c => c.Field, StringComparer.OrdinalIgnoreCase)
                .FirstOrDefault();
            _confirm[variant.Id] = [.. variant.Conditions.Where(c => !ReferenceEquals(c, key)).Select(c => new ClassifierCondition(schema.Resolve(c.Field), c))];
            if (key is null)
            {
                unindexed.Add(variant.Id);
                continue;
            }

            if (!buckets.TryGetValue(key.Field, out var byValue))
            {
                byValue = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                buckets.Add(key.Field, byValue);
            }

            foreach (var value in key.Values)
            {
                if (!byValue.TryGetValue(value, out var ids))
                {
                    ids = [];
                    byValue.Add(value, ids);
                }

                ids.Add(variant.Id);
            }
        }

        _indexes = [.. buckets
            .OrderByDescending(b => popularity[b.Key])
            .ThenBy(b => b.Key, StringComparer.OrdinalIgnoreCase)
            .Select(b => new ClassifierIndex(schema.Resolve(b.Key), b.Value))];
        _unindexed = [.. unindexed];
        MaxVariantsPerEvent = map.Variants.Count;
    }

    /// <summary>Gets the map the classifier was built from.</summary>
    public LogsourceMap Map { get; }

    /// <summary>Gets the most ids <see cref="Classify"/> can write; size the span with it.</summary>
    public int MaxVariantsPerEvent { get; }

    /// <summary>Writes, in ascending order, the ids of every variant whose conditions <paramref name="record"/> satisfies.</summary>
    /// <param name="record">The event, read with the schema the classifier was built over.</param>
    /// <param name="variantIds">Receives the ids; at least <see cref="MaxVariantsPerEvent"/> long.</param>
    /// <returns>The number of ids written (0 when the event belongs to no known logsource).</returns>
    public int Classify(EventRecord record, Span<int> variantIds)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (variantIds.Length < MaxVariantsPerEvent)
        {
            ThrowSpanTooSmall(variantIds);
        }

        if (!ReferenceEquals(record.Schema, _schema))
        {
            ThrowOtherSchema(record);
        }

        var count = 0;
        foreach (var index in _indexes)
        {
            for (var entry = record.First(index.FieldId); entry >= 0; entry = record.Next(entry))
            {
                if (!index.Buckets.TryGetValue(record.ValueAt(entry), out var candidates))
                {
                    continue;
                }

                foreach (var id in candidates)
                {
                    if (Confirms(_confirm[id], record) && !variantIds[..count].Contains(id))
                    {
                        variantIds[count++] = id;
                    }
                }
            }
        }

        foreach (var id in _unindexed)
        {
            if (Confirms(_confirm[id], record))
            {
                variantIds[count++] = id;
            }
        }

        variantIds[..count].Sort();
        return count;
    }

    private static bool Confirms(ClassifierCondition[] conditions, EventRecord record)
    {
        foreach (ref readonly var condition in conditions.AsSpan())
        {
            if (!condition.IsSatisfiedBy(record))
            {
                return false;
            }
        }

        return true;
    }

    [DoesNotReturn]
    private void ThrowSpanTooSmall(Span<int> variantIds)
        => throw new ArgumentException($"The span holds {variantIds.Length} ids; it needs MaxVariantsPerEvent ({MaxVariantsPerEvent}).", nameof(variantIds));

    [DoesNotReturn]
    private static void ThrowOtherSchema(EventRecord record)
        => throw new ArgumentException($"The record was reset with another schema ({record.Schema.Count} fields) than the classifier's.", nameof(record));
}
