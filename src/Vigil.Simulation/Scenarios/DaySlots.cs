using Vigil.Simulation.Events;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Hands out the days after the learning period to scenarios, in a seeded order, so that they spread over different
/// days (weekdays and weekend days apart); days are reused only when there are more scenarios than days.
/// </summary>
internal sealed class DaySlots
{
    private readonly List<int> _weekdays;
    private readonly List<int> _weekends;
    private readonly List<int> _all;
    private int _nextWeekday;
    private int _nextWeekend;

    /// <summary>Creates the slots of a run.</summary>
    public DaySlots(SimulationOptions options, SimRandom rng)
    {
        var days = Enumerable.Range(options.LearningDays, options.Days - options.LearningDays).ToList();
        _all = days;
        _weekdays = rng.Shuffle(days.Where(d => !SimTime.IsWeekend(options.StartTicks + (d * SimTime.Day))));
        _weekends = rng.Shuffle(days.Where(d => SimTime.IsWeekend(options.StartTicks + (d * SimTime.Day))));
    }

    /// <summary>Gets every day after the learning period, in order.</summary>
    public IReadOnlyList<int> All => _all;

    /// <summary>The next weekday (any day when the period has none).</summary>
    public int Weekday() => _weekdays.Count == 0 ? Weekend() : _weekdays[_nextWeekday++ % _weekdays.Count];

    /// <summary>The next weekend day (a weekday when the period has none).</summary>
    public int Weekend() => _weekends.Count == 0 ? _weekdays[_nextWeekday++ % _weekdays.Count] : _weekends[_nextWeekend++ % _weekends.Count];
}
