using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// VPN credential stuffing (T1110.004, T1133): a handful of foreign addresses try leaked e-mail addresses and passwords
/// against the VPN gateway within an hour: failures across 50 or more names (a few of them former or unknown
/// addresses that the directory does not hold), and one or two successes.
/// </summary>
internal sealed class VpnCredentialStuffingScenario : Scenario
{
    private readonly List<(string Ip, City City)> _sources;
    private readonly List<(string Name, bool Known)> _targets;
    private readonly List<string> _successes;
    private readonly int _hour;

    private VpnCredentialStuffingScenario(ScenarioRecord record, int day, List<(string, City)> sources, List<(string, bool)> targets, List<string> successes, int hour)
        : base(record, day)
    {
        _sources = sources;
        _targets = targets;
        _successes = successes;
        _hour = hour;
    }

    /// <summary>Plans the scenario.</summary>
    public static VpnCredentialStuffingScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("vpn-credential-stuffing");
        var day = plan.Slots.Weekday();
        var people = rng.Sample(plan.Organization.People.Where(p => !plan.IsUsed(p)), rng.Next(50, 81));
        var targets = people.Select(p => (p.Email, true)).ToList();
        var unknown = Math.Max(3, 50 - targets.Count);
        for (var i = 0; i < unknown; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(NameBank.First).ToLowerInvariant()}.{rng.Pick(NameBank.Last).ToLowerInvariant()}.{rng.Next(1, 99)}@{Domain.Corp.Dns}");
            targets.Add((name, false));
        }

        targets = rng.Shuffle(targets);
        var sources = Enumerable.Range(0, rng.Next(3, 6))
            .Select(i => (string.Create(CultureInfo.InvariantCulture, $"203.0.113.{rng.Next(2, 250)}"), rng.Pick(Cities.Attackers))).ToList();
        var successes = rng.Sample(people, rng.Next(1, 3)).ToList();
        var record = ScenarioCatalog.Attack("vpn-credential-stuffing");
        record.Title = string.Create(
            CultureInfo.InvariantCulture, $"VPN credential stuffing from {sources.Count} foreign addresses against {targets.Count} names, {successes.Count} successful");
        record.AddUsers(successes.Select(p => p.Id));
        record.AddUsers(people.Select(p => p.Id));
        record.AddHosts("vpn01");
        record.AddAddresses(sources.Select(s => s.Item1));
        return new VpnCredentialStuffingScenario(record, day, sources, targets, [.. successes.Select(p => p.Email)], rng.Next(0, 24));
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var vpn = context.Telemetry.Vpn;
        var start = context.At(_hour, rng.Next(0, 10));
        var span = rng.Next(35, 55) * SimTime.Minute;
        var attempts = _targets.SelectMany(t => Enumerable.Repeat(t.Name, rng.Chance(0.3) ? 2 : 1)).ToList();
        var step = span / attempts.Count;
        var at = start;
        foreach (var name in attempts)
        {
            at += step;
            var (ip, city) = rng.Pick(_sources);
            vpn.Logon(at + (rng.Next(0, 5) * SimTime.Second), name, ip, VpnPlace.Of(city), success: false);
        }

        foreach (var name in _successes)
        {
            var (ip, city) = rng.Pick(_sources);
            var when = start + rng.NextLong(span / 3, span);
            vpn.Logon(when, name, ip, VpnPlace.Of(city), success: true);
            vpn.Logout(when + (rng.Next(5, 40) * SimTime.Minute), name, ip, VpnPlace.Of(city), rng.NextLong(1_000_000, 90_000_000), rng.NextLong(500_000, 9_000_000));
        }
    }
}
