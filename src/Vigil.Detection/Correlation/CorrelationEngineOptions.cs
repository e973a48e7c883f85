using System.ComponentModel.DataAnnotations;

namespace Vigil.Detection.Correlation;

/// <summary>Settings of a <see cref="CorrelationEngine"/>.</summary>
public sealed class CorrelationEngineOptions
{
    /// <summary>
    /// Gets how far behind the highest watermark an event may still arrive. Events older than
    /// (watermark - lateness) are dropped and counted in <see cref="CorrelationEngine.LateEventCount"/>.
    /// Must not be negative. <value>Default: 5 minutes.</value>
    /// </summary>
    public TimeSpan AllowedLateness { get; init; } = CorrelationConstants.DefaultAllowedLateness;

    /// <summary>
    /// Gets how many contributing events a <see cref="CorrelationMatch"/> keeps (the earliest ones);
    /// <see cref="CorrelationMatch.EventCount"/> still gives the total. <value>Default: 100.</value>
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerMatch { get; init; } = CorrelationConstants.DefaultMaxEventsPerMatch;
}
