using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>What planning scenarios shares: the organisation, the days, who is already taken, and who works when.</summary>
internal sealed class PlanContext
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Creates the context.</summary>
    public PlanContext(SimulatedOrganization organization, SimulationOptions options)
    {
        Organization = organization;
        Options = options;
        Slots = new DaySlots(options, SimRandom.For(options.Seed, "slots"));
    }

    /// <summary>Gets the organisation.</summary>
    public SimulatedOrganization Organization { get; }

    /// <summary>Gets the run's options.</summary>
    public SimulationOptions Options { get; }

    /// <summary>Gets the days after the learning period.</summary>
    public DaySlots Slots { get; }

    /// <summary>The generator of one scenario's planning.</summary>
    public SimRandom Random(string name) => SimRandom.For(Options.Seed, "plan:" + name);

    /// <summary>The midnight of a day (ticks).</summary>
    public long DayStart(int day) => Options.StartTicks + (day * SimTime.Day);

    /// <summary>A person's working period on a day, exactly as the baseline will generate it.</summary>
    public WorkDay? WorkOf(Person person, int day) => BaselineGenerator.WorkOf(person, Options.Seed, day, DayStart(day));

    /// <summary>Whether a person is already the subject of a scenario.</summary>
    public bool IsUsed(Person person) => _used.Contains(person.Id);

    /// <summary>
    /// Picks a person not used by another scenario who matches <paramref name="filter"/> and works on
    /// <paramref name="day"/>; relaxes "works" and then "not used" when nobody fits. Marks the person used.
    /// </summary>
    public Person Pick(SimRandom rng, int day, Func<Person, bool> filter)
    {
        var people = Organization.People;
        var candidates = people.Where(p => !IsUsed(p) && filter(p) && p.StartDay <= day && WorkOf(p, day) is not null).ToList();
        if (candidates.Count == 0)
        {
            candidates = people.Where(p => !IsUsed(p) && filter(p)).ToList();
        }

        if (candidates.Count == 0)
        {
            candidates = people.Where(filter).ToList();
        }

        if (candidates.Count == 0)
        {
            candidates = [.. people];
        }

        var person = rng.Pick(candidates);
        _used.Add(person.Id);
        return person;
    }

    /// <summary>Marks a person used.</summary>
    public void Use(Person person) => _used.Add(person.Id);
}
