namespace Vigil.Response.Integrations;

/// <summary>Collects a connector's health on every attempt; thread-safe.</summary>
internal sealed class ConnectorHealthTracker
{
    private readonly Lock _gate = new();
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly Func<ConnectorCircuitState> _circuit;
    private readonly bool[] _failed = new bool[ConnectorConstants.HealthWindow];
    private readonly double[] _latencyMs = new double[ConnectorConstants.HealthWindow];
    private long _latencyCount;
    private long _calls;
    private long _failures;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _lastFailure;
    private string? _lastFailureReason;

    /// <summary>Creates a tracker.</summary>
    /// <param name="name">The connector.</param>
    /// <param name="time">The clock for last-success and last-failure times.</param>
    /// <param name="circuit">Reads the circuit state.</param>
    public ConnectorHealthTracker(string name, TimeProvider time, Func<ConnectorCircuitState> circuit)
    {
        _name = name;
        _time = time;
        _circuit = circuit;
    }

    /// <summary>Records a successful attempt.</summary>
    /// <param name="latency">How long it took.</param>
    public void RecordSuccess(TimeSpan latency)
    {
        lock (_gate)
        {
            Add(failed: false, latency);
            _lastSuccess = _time.GetUtcNow();
        }
    }

    /// <summary>Records a failed attempt.</summary>
    /// <param name="latency">How long it took; null when it never reached the network.</param>
    /// <param name="reason">Why it failed (no URL, no secret).</param>
    public void RecordFailure(TimeSpan? latency, string reason)
    {
        lock (_gate)
        {
            Add(failed: true, latency);
            _failures++;
            _lastFailure = _time.GetUtcNow();
            _lastFailureReason = reason;
        }
    }

    /// <summary>Takes a snapshot.</summary>
    /// <returns>The health now.</returns>
    public ConnectorHealth Snapshot()
    {
        lock (_gate)
        {
            var outcomes = (int)Math.Min(_calls, _failed.Length);
            var failed = 0;
            for (var i = 0; i < outcomes; i++)
            {
                failed += _failed[i] ? 1 : 0;
            }

            var latencies = _latencyMs.AsSpan(0, (int)Math.Min(_latencyCount, _latencyMs.Length)).ToArray();
            Array.Sort(latencies);
            return new ConnectorHealth(_name, _calls, _failures, outcomes == 0 ? 0 : (double)failed / outcomes,
                Percentile(latencies, 0.5), Percentile(latencies, 0.95), _lastSuccess, _lastFailure, _lastFailureReason, _circuit());
        }
    }

    private void Add(bool failed, TimeSpan? latency)
    {
        _failed[(int)(_calls % _failed.Length)] = failed;
        if (latency is { } value)
        {
            _latencyMs[(int)(_latencyCount % _latencyMs.Length)] = value.TotalMilliseconds;
            _latencyCount++;
        }

        _calls++;
    }

    private static TimeSpan? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : TimeSpan.FromMilliseconds(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)]);
}
