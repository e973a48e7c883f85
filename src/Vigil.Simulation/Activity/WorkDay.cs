namespace Vigil.Simulation.Activity;

/// <summary>A person's working period on one day.</summary>
/// <param name="Start">The start (ticks).</param>
/// <param name="End">The end (ticks).</param>
/// <param name="Remote">Whether the person works over the VPN.</param>
internal readonly record struct WorkDay(long Start, long End, bool Remote)
{
    /// <summary>A time between the start plus <paramref name="afterStart"/> and the end minus <paramref name="beforeEnd"/>.</summary>
    public long Between(Randomness.SimRandom rng, long afterStart, long beforeEnd)
    {
        var from = Start + afterStart;
        var to = Math.Max(from + 1, End - beforeEnd);
        return rng.NextLong(from, to);
    }
}
