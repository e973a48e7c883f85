using Vigil.Simulation.Activity;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A planned scenario: on its day it writes its events into the ordinary log files, attributed to its truth entry.
/// Planning (who, where, when) happens before the first day is generated, from the scenario's own generator.
/// </summary>
internal abstract class Scenario
{
    /// <summary>Creates the scenario.</summary>
    protected Scenario(ScenarioRecord record, int day)
    {
        Record = record;
        Day = day;
    }

    /// <summary>Gets the truth entry.</summary>
    public ScenarioRecord Record { get; }

    /// <summary>Gets the day it acts on.</summary>
    public int Day { get; }

    /// <summary>Writes the scenario's events if <paramref name="context"/> is its day.</summary>
    public void Generate(DayContext context)
    {
        if (context.Day != Day)
        {
            return;
        }

        using var scope = context.Telemetry.Log.Attribute(Record);
        Emit(context, context.Random("scenario:" + Record.Name));
    }

    /// <summary>Writes the events of the scenario's day.</summary>
    protected abstract void Emit(DayContext context, SimRandom rng);
}
