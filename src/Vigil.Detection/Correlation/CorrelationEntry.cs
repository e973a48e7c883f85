using Vigil.Core.Events;

namespace Vigil.Detection.Correlation;

/// <summary>One event buffered by a correlation: the event, its time, which referenced rule produced it and its value.</summary>
internal sealed class CorrelationEntry
{
    public required EventRecord Event { get; init; }

    /// <summary>Gets the event time (UTC ticks).</summary>
    public required long Time { get; init; }

    /// <summary>Gets the index in <see cref="CorrelationDefinition.Rules"/> of the rule that produced the event.</summary>
    public required int Slot { get; init; }

    /// <summary>Gets the text of the value field (value_* types), else null.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the numeric value (value_sum, value_avg).</summary>
    public double Number { get; init; }

    /// <summary>Gets a content hash of the event: the last tie-breaker, so equal times sort the same whatever the arrival order.</summary>
    public required ulong Fingerprint { get; init; }

    /// <summary>Computes a stable 64-bit FNV-1a hash of the event's source, location, names and values.</summary>
    public static ulong ComputeFingerprint(EventRecord record)
    {
        const ulong prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        foreach (var c in record.SourceName)
        {
            hash = (hash ^ c) * prime;
        }

        hash = (hash ^ (ulong)record.Location) * prime;
        for (var i = 0; i < record.FieldCount; i++)
        {
            foreach (var c in record.NameAt(i))
            {
                hash = (hash ^ c) * prime;
            }

            hash = (hash ^ 0xFFFF) * prime;
            foreach (var c in record.ValueAt(i))
            {
                hash = (hash ^ c) * prime;
            }

            hash = (hash ^ 0xFFFE) * prime;
        }

        return hash;
    }
}
