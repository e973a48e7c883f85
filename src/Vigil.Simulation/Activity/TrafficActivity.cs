using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Activity;

/// <summary>
/// A workstation's internet traffic as the firewall reports it: one record per hour of work and destination, for tens
/// of megabytes an hour.
/// </summary>
internal static class TrafficActivity
{
    private const long Megabyte = 1_000_000;

    /// <summary>Generates the day's flow records.</summary>
    public static void Run(PersonDay day)
    {
        var rng = day.Random;
        var person = day.Person;
        var flowsPerHour = person.Department == Department.Engineering ? 3 : 2;
        var chance = person.Department.Domain == Domain.MedNet ? 0.4 : 0.85;
        for (var hourStart = day.Work.Start; hourStart < day.Work.End; hourStart += SimTime.Hour)
        {
            var reportAt = Math.Min(hourStart + SimTime.Hour, day.Work.End) + rng.NextLong(0, SimTime.Minute);
            for (var i = 0; i < flowsPerHour; i++)
            {
                if (!rng.Chance(chance))
                {
                    continue;
                }

                var site = rng.Pick(person.Sites);
                day.Telemetry.Firewall.Flow(reportAt + (i * SimTime.Second), day.Workstation, site.Ip, 443, rng.NextLong(Megabyte / 2, 15 * Megabyte),
                    rng.NextLong(4 * Megabyte, 90 * Megabyte));
            }
        }
    }
}
