using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A user travelling (benign): a remote or hybrid worker works two or three days from a hotel abroad (5,000 km or more
/// away), the first VPN logon there a day or more after the last one from home; the working day follows local time.
/// The baseline writes the logons; this entry counts those from abroad.
/// </summary>
internal sealed class UserTravellingScenario : Scenario
{
    private static readonly Dictionary<string, int> HoursBehindUtc = new(StringComparer.Ordinal)
    {
        ["New York"] = 4, ["Boston"] = 4, ["Toronto"] = 4, ["Chicago"] = 5, ["Dubai"] = -4,
    };

    private UserTravellingScenario(ScenarioRecord record, int day)
        : base(record, day)
    {
    }

    /// <summary>Plans the scenario.</summary>
    public static UserTravellingScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("user-travelling");
        var first = plan.Slots.Weekday();
        var person = plan.Pick(rng, first, p => p.VpnDayChance > 0 && p.Schedule == ScheduleKind.Office && !p.Privileged);
        foreach (var day in plan.Slots.All.Where(d => d >= first).Concat(plan.Slots.All.Where(d => d < first)))
        {
            if (plan.WorkOf(person, day) is not null)
            {
                first = day;
                break;
            }
        }

        var last = Math.Min(plan.Options.Days - 1, first + rng.Next(1, 3));
        var city = rng.Pick(Cities.Travel);
        var address = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{rng.Next(2, 250)}");
        var record = ScenarioCatalog.Trap("user-travelling");
        person.Travel = new TravelPlan(first, last, city, address, HoursBehindUtc[city.Name], record);
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{person.VpnName} works from {city.Name} ({city.Country}, {person.HomeCity.DistanceKm(city):0} km from {person.HomeCity.Name}) from {SimTime.Date(plan.DayStart(first))} to {SimTime.Date(plan.DayStart(last))}");
        record.AddUsers(person.Id);
        record.AddHosts("vpn01");
        record.AddAddresses(address);
        return new UserTravellingScenario(record, first);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        // The baseline writes the logons from abroad (attributed through the person's travel plan).
    }
}
