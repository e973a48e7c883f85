using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Activity;

/// <summary>Generates the ordinary activity of one day: every person who works, then the service accounts.</summary>
internal static class BaselineGenerator
{
    /// <summary>Generates the day.</summary>
    public static void Generate(DayContext context)
    {
        var log = context.Telemetry.Log;
        foreach (var person in context.Organization.People)
        {
            var rng = context.Random("day", person.Index);
            if (WorkCalendar.For(person, context.Day, context.DayStart, rng) is not { } work)
            {
                continue;
            }

            using var scope = log.Attribute(person.ActivityRecord);
            var day = new PersonDay(context, person, work, rng);
            RemoteAccessActivity.Run(day);
            WorkstationActivity.Run(day);
            ServerAccessActivity.Run(day);
            if (person.Privileged)
            {
                AdminActivity.Run(day);
            }

            CloudActivity.Run(day);
            TrafficActivity.Run(day);
        }

        ServiceActivity.Run(context);
    }

    /// <summary>The working period a person has on a day, exactly as <see cref="Generate"/> decides it.</summary>
    public static WorkDay? WorkOf(Person person, int seed, int day, long dayStart)
        => WorkCalendar.For(person, day, dayStart, Randomness.SimRandom.For(seed, "day", person.Index, day));
}
