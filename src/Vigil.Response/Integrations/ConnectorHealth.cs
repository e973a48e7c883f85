namespace Vigil.Response.Integrations;

/// <summary>A snapshot of one connector's health. Calls and failures count attempts, including ones refused by an open circuit.</summary>
/// <param name="Name">The connector.</param>
/// <param name="Calls">Attempts since start.</param>
/// <param name="Failures">Failed attempts since start (anything but a 2xx answer).</param>
/// <param name="ErrorRate">The failed share of the last 100 attempts (0 when there were none).</param>
/// <param name="MedianLatency">The median latency of the last 100 attempts that reached the network (nearest rank).</param>
/// <param name="P95Latency">The 95th percentile latency of the same (nearest rank).</param>
/// <param name="LastSuccess">When an attempt last succeeded.</param>
/// <param name="LastFailure">When an attempt last failed.</param>
/// <param name="LastFailureReason">Why it failed; never contains a URL or secret.</param>
/// <param name="Circuit">The circuit breaker's state now.</param>
internal sealed record ConnectorHealth(
    string Name,
    long Calls,
    long Failures,
    double ErrorRate,
    TimeSpan? MedianLatency,
    TimeSpan? P95Latency,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastFailureReason,
    ConnectorCircuitState Circuit);
