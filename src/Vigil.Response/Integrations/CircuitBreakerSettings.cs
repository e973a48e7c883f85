namespace Vigil.Response.Integrations;

/// <summary>When a connector's circuit opens and for how long.</summary>
public sealed class CircuitBreakerSettings
{
    /// <summary>The share of failed attempts in the sampling window that opens the circuit, in (0, 1].</summary>
    /// <value>Defaults to 0.5.</value>
    public double FailureRatio { get; init; } = ConnectorConstants.DefaultFailureRatio;

    /// <summary>The attempts needed in the window before the circuit may open (at least 2).</summary>
    /// <value>Defaults to 10.</value>
    public int MinimumThroughput { get; init; } = ConnectorConstants.DefaultMinimumThroughput;

    /// <summary>The sampling window (at least 500 ms).</summary>
    /// <value>Defaults to 30 s.</value>
    public TimeSpan SamplingDuration { get; init; } = ConnectorConstants.DefaultSamplingDuration;

    /// <summary>How long the circuit stays open before one trial call is let through (at least 500 ms).</summary>
    /// <value>Defaults to 30 s.</value>
    public TimeSpan BreakDuration { get; init; } = ConnectorConstants.DefaultBreakDuration;

    /// <summary>Lists what is wrong.</summary>
    /// <returns>The problems, empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FailureRatio is <= 0 or > 1 || double.IsNaN(FailureRatio))
        {
            errors.Add("the circuit breaker failure ratio must be in (0, 1]");
        }

        if (MinimumThroughput < 2)
        {
            errors.Add("the circuit breaker minimum throughput must be at least 2");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add("the circuit breaker sampling and break durations must be at least 500 ms");
        }

        return errors;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ratio {FailureRatio}, min {MinimumThroughput}, window {SamplingDuration}, break {BreakDuration}";
}
