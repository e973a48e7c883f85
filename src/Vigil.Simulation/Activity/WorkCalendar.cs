using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>Decides whether and when a person works on a day: weekdays, shift rotations, leave, late work, home working.</summary>
internal static class WorkCalendar
{
    /// <summary>The working period of a person on a day, or null for a day off.</summary>
    /// <param name="person">The person.</param>
    /// <param name="day">The day number.</param>
    /// <param name="dayStart">The day's midnight (ticks).</param>
    /// <param name="rng">The person-day generator.</param>
    public static WorkDay? For(Person person, int day, long dayStart, SimRandom rng)
    {
        if (day < person.StartDay || person.LeaveDays.Contains(day))
        {
            return null;
        }

        var weekend = SimTime.IsWeekend(dayStart);
        var office = person.Schedule == ScheduleKind.Office;
        var weekendWork = office && weekend && person.PeerGroup.Department == Department.Engineering && rng.Chance(0.03);
        if (office && weekend && !weekendWork)
        {
            return null;
        }

        if (!office && !WorksShift(person, day))
        {
            return null;
        }

        var jitter = office ? rng.Next(-20, 21) : rng.Next(-10, 11);
        var start = dayStart + ((person.StartMinute + jitter) * SimTime.Minute) + rng.NextLong(0, SimTime.Minute);
        var length = person.LengthMinutes + rng.Next(-30, 31);
        if (weekendWork)
        {
            length = rng.Next(90, 240);
        }
        else if (office && rng.Chance(0.06))
        {
            length += rng.Next(60, 181);
        }

        var remote = office && (person.Remote || rng.Chance(person.VpnDayChance));
        if (person.Travel is { } travel && travel.Covers(day))
        {
            remote = true;
            start += travel.HourOffset * SimTime.Hour;
        }

        return new WorkDay(start, start + (length * SimTime.Minute), remote);
    }

    /// <summary>Shift workers: 3 shifts a week, and a fourth every other week, on a rotation that covers weekends.</summary>
    private static bool WorksShift(Person person, int day)
    {
        var position = day + person.RotationOffset;
        return position % 7 < 3 || position % 14 == 3;
    }
}
