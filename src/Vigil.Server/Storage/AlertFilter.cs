namespace Vigil.Server.Storage;

/// <summary>Which alerts to list.</summary>
public sealed record AlertFilter
{
    /// <summary>Gets the earliest activity time, or null.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the time activity must be before, or null.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the lowest severity, or null.</summary>
    public string? MinimumSeverity { get; init; }

    /// <summary>Gets the detector, or null.</summary>
    public string? Detector { get; init; }

    /// <summary>Gets an entity the alert must involve, or null.</summary>
    public string? Entity { get; init; }

    /// <summary>Gets the status (new, suppressed), or null for any.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the incident, or null.</summary>
    public string? IncidentId { get; init; }

    /// <summary>Gets the most alerts returned (1 to 1,000). Default 100.</summary>
    public int Limit { get; init; } = 100;
}
