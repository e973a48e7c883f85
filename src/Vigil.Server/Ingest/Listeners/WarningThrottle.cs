namespace Vigil.Server.Ingest.Listeners;

/// <summary>Lets a repeated warning through at most once per interval (thread-safe), so a flood cannot flood the log.</summary>
internal sealed class WarningThrottle
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _next;

    /// <summary>Initializes a new instance of the <see cref="WarningThrottle"/> class.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">The shortest time between two warnings.</param>
    public WarningThrottle(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
        _next = long.MinValue;
    }

    /// <summary>Whether the warning may be logged now; true at most once per interval.</summary>
    /// <returns>True when it may.</returns>
    public bool TryEnter()
    {
        var now = _time.GetTimestamp();
        var next = Interlocked.Read(ref _next);
        return now >= next && Interlocked.CompareExchange(ref _next, now + _intervalTicks, next) == next;
    }
}
