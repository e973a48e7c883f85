namespace Vigil.Core.Alerts;

/// <summary>Which stored alerts to return: a time range, a minimum severity, a detector or an entity; newest first.</summary>
public sealed record AlertQuery
{
    /// <summary>Gets the earliest event time, or null.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest event time (exclusive), or null.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the lowest severity returned, or null for all.</summary>
    public string? MinimumSeverity { get; init; }

    /// <summary>Gets the detector, or null for all.</summary>
    public string? Detector { get; init; }

    /// <summary>Gets an entity the alert must be about (exact, ignoring case), or null.</summary>
    public string? Entity { get; init; }

    /// <summary>Gets the most alerts returned. <value>Default: 100.</value></summary>
    public int Limit { get; init; } = 100;
}
