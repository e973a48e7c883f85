namespace Vigil.Response.Integrations;

/// <summary>The state of a connector's circuit breaker.</summary>
internal enum ConnectorCircuitState
{
    /// <summary>Calls flow.</summary>
    Closed,

    /// <summary>Calls fail fast without reaching the remote.</summary>
    Open,

    /// <summary>The break is over; one trial call decides.</summary>
    HalfOpen,

    /// <summary>Held open by hand.</summary>
    Isolated,
}
