using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>What the generators of one day share: the organisation, where events go, and the day.</summary>
/// <param name="Organization">The organisation.</param>
/// <param name="Telemetry">Where events go.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Day">The day number.</param>
/// <param name="DayStart">The day's midnight (ticks).</param>
internal sealed record DayContext(SimulatedOrganization Organization, Telemetry Telemetry, int Seed, int Day, long DayStart)
{
    /// <summary>The generator of one purpose on this day.</summary>
    public SimRandom Random(string purpose, long index = 0) => SimRandom.For(Seed, purpose, index, Day);

    /// <summary>
    /// A time of this day: <paramref name="hour"/>:<paramref name="minute"/>:<paramref name="second"/> and a fraction of a
    /// second that depends only on the day and that time (so that times read like real ones and stay reproducible).
    /// </summary>
    public long At(int hour, int minute, int second = 0)
    {
        var whole = DayStart + (hour * SimTime.Hour) + (minute * SimTime.Minute) + (second * SimTime.Second);
        return whole + (long)(Seeds.Hash(whole.ToString(System.Globalization.CultureInfo.InvariantCulture)) % (ulong)SimTime.Second);
    }
}
