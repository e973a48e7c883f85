namespace Vigil.Server.Incidents;

/// <summary>How alerts are throttled and grouped into incidents.</summary>
public sealed record IncidentSettings
{
    /// <summary>Gets alerts sharing an entity within this time of an open incident join it. Default 24 hours.</summary>
    public TimeSpan GroupingWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Gets an alert repeating the same detector on the same entities within this time is throttled. Default 10 minutes.</summary>
    public TimeSpan ThrottleWindow { get; init; } = TimeSpan.FromMinutes(10);
}
