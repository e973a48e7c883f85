using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Data exfiltration (T1048, T1041): a workstation sends 2-6 GB to one external address over 1-3 hours (rclone;
/// the firewall reports the long connection every 15 minutes), against its usual tens of megabytes an hour.
/// </summary>
internal sealed class DataExfiltrationScenario : Scenario
{
    private readonly Person _person;
    private readonly string _destination;
    private readonly long _bytes;
    private readonly int _intervals;

    private DataExfiltrationScenario(ScenarioRecord record, int day, Person person, string destination, long bytes, int intervals)
        : base(record, day)
    {
        _person = person;
        _destination = destination;
        _bytes = bytes;
        _intervals = intervals;
    }

    /// <summary>Plans the scenario.</summary>
    public static DataExfiltrationScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("data-exfiltration");
        var day = plan.Slots.Weekday();
        var units = new[] { Department.Finance, Department.Engineering, Department.HumanResources };
        var person = plan.Pick(rng, day, p => units.Contains(p.Department) && !p.Privileged);
        var destination = string.Create(CultureInfo.InvariantCulture, $"203.0.113.{rng.Next(2, 250)}");
        var bytes = rng.NextLong(2_000_000_000, 6_000_000_000);
        var intervals = rng.Next(4, 13);
        var record = ScenarioCatalog.Attack("data-exfiltration");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{person.Workstation.Name} ({person.Id}) sends {bytes / 1_000_000_000.0:0.0} GB to {destination} over {intervals * 15} minutes");
        record.AddUsers(person.Id);
        record.AddHosts(person.Workstation.Name);
        record.AddAddresses(destination, person.Workstation.Ip);
        return new DataExfiltrationScenario(record, day, person, destination, bytes, intervals);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var ws = _person.Workstation;
        var user = _person.Account.DownLevel;
        var work = BaselineGenerator.WorkOf(_person, context.Seed, context.Day, context.DayStart);
        var start = work is { } w ? w.Between(rng, SimTime.Hour, 4 * SimTime.Hour) : context.At(13, rng.Next(0, 60));
        var sysmon = context.Telemetry.Sysmon;
        var shell = SysmonEvents.SystemProcess(ws, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", user);
        var ps = sysmon.ProcessCreate(start - (3 * SimTime.Minute), ws, user, "0x0", Apps.PowerShell.Path, "\"powershell.exe\" -NoLogo", shell);
        var share = "\\\\" + _person.FileServer.Name + "\\" + _person.Department.Name.ToLowerInvariant();
        var rclone = sysmon.ProcessCreate(start - (30 * SimTime.Second), ws, user, "0x0", @"C:\Users\Public\rclone.exe",
            $"rclone.exe copy {share} sync:archive --transfers 8 --multi-thread-streams 4 -q", ps, company: "https://rclone.org");
        sysmon.NetworkConnect(start, ws, rclone, _destination, _destination, 443);
        var remaining = _bytes;
        for (var i = 1; i <= _intervals; i++)
        {
            var part = i == _intervals ? remaining : (long)(_bytes / (double)_intervals * rng.Between(0.8, 1.2));
            part = Math.Min(part, remaining);
            remaining -= part;
            var at = start + (i * 15 * SimTime.Minute) + (rng.Next(0, 30) * SimTime.Second);
            context.Telemetry.Firewall.Flow(at, ws, _destination, 443, part, rng.NextLong(1_000_000, 6_000_000));
        }
    }
}
