using Cronos;

namespace Vigil.Analytics.Behaviour.Context;

/// <summary>A recurring maintenance window: a cron start (UTC), a duration, the hosts it covers and who may act in it.</summary>
internal sealed class MaintenanceWindow
{
    public required string Name { get; init; }

    public required CronExpression Start { get; init; }

    public required string Cron { get; init; }

    public required TimeSpan Duration { get; init; }

    public required AssetScope Assets { get; init; }

    /// <summary>Gets who is expected to act in the window; empty means anyone.</summary>
    public required UserScope Users { get; init; }

    /// <summary>The start of the occurrence holding <paramref name="time"/>, or null when the time is outside every occurrence.</summary>
    public DateTimeOffset? OccurrenceAt(DateTimeOffset time)
    {
        var from = time.UtcDateTime - Duration;
        var next = Start.GetNextOccurrence(DateTime.SpecifyKind(from, DateTimeKind.Utc), TimeZoneInfo.Utc, inclusive: true);
        return next is { } start && start <= time.UtcDateTime ? new DateTimeOffset(start, TimeSpan.Zero) : null;
    }
}
