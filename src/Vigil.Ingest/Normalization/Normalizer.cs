using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// Applies a <see cref="NormalizationMap"/> to events: finds the first mapping whose <c>match</c> holds, then the first of
/// its classes whose <c>when</c> holds, and fills a <see cref="NormalizedEvent"/>. Immutable and thread-safe; each thread
/// brings its own <see cref="NormalizedEvent"/>.
/// </summary>
public sealed class Normalizer
{
    private readonly SourceMapping[] _mappings;

    /// <summary>Creates a normalizer.</summary>
    /// <param name="map">The maps.</param>
    public Normalizer(NormalizationMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        _mappings = [.. map.Mappings];
        FieldNames = [.. _mappings.SelectMany(SourceFields).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets the number of source mappings.</summary>
    public int MappingCount => _mappings.Length;

    /// <summary>Gets every source field the maps read (to add to an event schema so lookups go by id).</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Normalizes one event.</summary>
    /// <param name="record">The event.</param>
    /// <param name="into">The view to fill (cleared first).</param>
    /// <returns>Whether a mapping applied; when none does, the view is a Base Event with the event time only.</returns>
    public bool Normalize(EventRecord record, NormalizedEvent into)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        into.TimeTicks = record.TimestampTicks;
        var mapping = Array.Find(_mappings, m => AllHold(m.Match, record));
        if (mapping is null)
        {
            return false;
        }

        into.Source = mapping.Source;
        Apply(mapping.Attributes, record, into);
        foreach (var cls in mapping.Classes)
        {
            if (!AllHold(cls.When, record))
            {
                continue;
            }

            into.ClassUid = cls.ClassUid;
            into.ClassName = cls.ClassName;
            if (cls.Activity?.Evaluate(record) is { } activity
                && int.TryParse(activity, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var activityId))
            {
                into.ActivityId = activityId;
            }

            into.Status = cls.Status?.Evaluate(record);
            Apply(cls.Attributes, record, into);
            break;
        }

        if (into.Get("time") is { } time && EventTimestamp.TryParse(time, out var ticks))
        {
            into.TimeTicks = ticks;
        }

        return true;
    }

    private static void Apply(IReadOnlyList<AttributeMapping> attributes, EventRecord record, NormalizedEvent into)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Value.Evaluate(record) is { } value)
            {
                into.Set(attribute.Path, value);
            }
        }
    }

    private static bool AllHold(IReadOnlyList<MapCondition> conditions, EventRecord record)
    {
        foreach (var condition in conditions)
        {
            if (!condition.IsSatisfiedBy(record))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SourceFields(SourceMapping mapping)
        => mapping.Match.Select(c => c.Field)
            .Concat(mapping.Attributes.SelectMany(a => a.Value.Fields))
            .Concat(mapping.Classes.SelectMany(c => c.When.Select(w => w.Field)
                .Concat(c.Attributes.SelectMany(a => a.Value.Fields))
                .Concat(c.Activity?.Fields ?? [])
                .Concat(c.Status?.Fields ?? [])));
}
