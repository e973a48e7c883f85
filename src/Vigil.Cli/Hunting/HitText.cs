using System.Globalization;
using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>Text forms of hit parts shared by the output formats.</summary>
internal static class HitText
{
    /// <summary>Returns the time of a hit: the last event time, else the first, else the event's timestamp, else null.</summary>
    /// <param name="hit">The hit.</param>
    /// <returns>The time, or null.</returns>
    public static DateTimeOffset? Time(DetectionHit hit) => hit.LastTime ?? hit.FirstTime ?? Time(hit.Event);

    /// <summary>Returns the timestamp of an event, or null when the reader did not set one.</summary>
    /// <param name="record">The event.</param>
    /// <returns>The time, or null.</returns>
    public static DateTimeOffset? Time(EventRecord record)
        => record.TimestampTicks > 0 ? new DateTimeOffset(record.TimestampTicks, TimeSpan.Zero) : null;

    /// <summary>Formats a time as ISO 8601 UTC (<c>2024-05-01T10:00:00.0000000Z</c>), or empty.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Iso(DateTimeOffset? time)
        => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Formats the source of an event as <c>file:location</c>.</summary>
    /// <param name="record">The event.</param>
    /// <returns>The text.</returns>
    public static string Source(EventRecord record)
        => record.Location > 0 ? $"{record.SourceName}:{record.Location.ToString(CultureInfo.InvariantCulture)}" : record.SourceName;

    /// <summary>Formats tactics as <c>TA0002 Execution;TA0005 Defense Evasion</c>.</summary>
    /// <param name="tactics">The tactics.</param>
    /// <returns>The text.</returns>
    public static string Tactics(IEnumerable<AttackTactic> tactics) => string.Join(';', tactics.Select(t => $"{t.Id} {t.Name}"));

    /// <summary>Formats techniques as <c>T1059.001 PowerShell;T1105 Ingress Tool Transfer</c> (the id alone when the name is unknown).</summary>
    /// <param name="techniques">The techniques.</param>
    /// <returns>The text.</returns>
    public static string Techniques(IEnumerable<AttackTechnique> techniques)
        => string.Join(';', techniques.Select(t => string.Equals(t.Id, t.Name, StringComparison.Ordinal) ? t.Id : $"{t.Id} {t.Name}"));

    /// <summary>Formats matched fields as <c>Field=value; Other=value</c>.</summary>
    /// <param name="matched">The matched fields.</param>
    /// <returns>The text.</returns>
    public static string Matched(IEnumerable<KeyValuePair<string, string>> matched) => string.Join("; ", matched.Select(m => $"{m.Key}={m.Value}"));
}
