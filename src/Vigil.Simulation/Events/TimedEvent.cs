namespace Vigil.Simulation.Events;

/// <summary>An event of one of the log files: its time, and the order it was generated in (ties keep that order).</summary>
internal abstract class TimedEvent
{
    /// <summary>Gets the UTC time in ticks.</summary>
    public required long Ticks { get; init; }

    /// <summary>Gets or sets the generation order, set when the event is logged.</summary>
    public long Sequence { get; set; }

    /// <summary>Orders events by time, then generation order.</summary>
    public static int Compare(TimedEvent? x, TimedEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.Ticks.CompareTo(y.Ticks);
        return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
    }
}
