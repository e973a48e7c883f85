using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Impossible travel (T1078, T1133): a remote worker's VPN logon from their home city, then 30-90 minutes later a
/// successful logon with the same name from another continent.
/// </summary>
internal sealed class ImpossibleTravelScenario : Scenario
{
    private readonly Person _person;
    private readonly City _far;
    private readonly string _farIp;

    private ImpossibleTravelScenario(ScenarioRecord record, int day, Person person, City far, string farIp)
        : base(record, day)
    {
        _person = person;
        _far = far;
        _farIp = farIp;
    }

    /// <summary>Plans the scenario.</summary>
    public static ImpossibleTravelScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("impossible-travel");
        var day = plan.Slots.Weekday();
        var person = plan.Pick(rng, day, p => p.Remote && p.Schedule == ScheduleKind.Office);
        if (!person.Remote)
        {
            person = plan.Pick(rng, day, p => p.VpnDayChance > 0);
        }

        person.ScenarioVpnDay = day;
        var far = rng.Pick(Cities.FarAway);
        var farIp = string.Create(CultureInfo.InvariantCulture, $"192.0.2.{rng.Next(2, 250)}");
        var record = ScenarioCatalog.Attack("impossible-travel");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{person.VpnName} logs on to the VPN from {person.HomeCity.Name} ({person.HomeCity.Country}), then from {far.Name} ({far.Country}) {person.HomeCity.DistanceKm(far):0} km away within 90 minutes");
        record.AddUsers(person.Id);
        record.AddHosts("vpn01");
        record.AddAddresses(farIp, person.HomeIp);
        return new ImpossibleTravelScenario(record, day, person, far, farIp);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var vpn = context.Telemetry.Vpn;
        var home = VpnPlace.Home(_person);
        var work = BaselineGenerator.WorkOf(_person, context.Seed, context.Day, context.DayStart);
        var start = (work?.Start ?? context.At(9, 0)) + (rng.Next(40, 180) * SimTime.Second);
        var end = work?.End ?? context.At(17, 30);
        vpn.Logon(start, _person.VpnName, _person.HomeIp, home, success: true);
        var far = start + (rng.Next(30, 91) * SimTime.Minute);
        vpn.Logon(far, _person.VpnName, _farIp, VpnPlace.Of(_far), success: true);
        vpn.Logout(far + (rng.Next(10, 40) * SimTime.Minute), _person.VpnName, _farIp, VpnPlace.Of(_far), rng.NextLong(10_000_000, 400_000_000), rng.NextLong(1_000_000, 20_000_000));
        using var ordinary = context.Telemetry.Log.Attribute(null);
        vpn.Logout(end + (rng.Next(30, 120) * SimTime.Second), _person.VpnName, _person.HomeIp, home, rng.NextLong(50_000_000, 900_000_000), rng.NextLong(5_000_000, 150_000_000));
    }
}
