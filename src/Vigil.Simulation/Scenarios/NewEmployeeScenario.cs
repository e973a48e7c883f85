using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A new employee (benign): the helpdesk creates the account (4720, 4722, 4728 to the business unit's group) the day
/// before; from the joining day the new person works like their peer group: first logons to the peer group's usual hosts.
/// The person is in identities.yaml from the start.
/// </summary>
internal sealed class NewEmployeeScenario : Scenario
{
    private static readonly string[] Groups = ["finance-analysts", "finance-accountants", "sales-reps", "hr-partners", "eng-developers"];
    private readonly Person _person;
    private readonly Person _helpdesk;
    private readonly long _createAt;

    private NewEmployeeScenario(ScenarioRecord record, int day, Person person, Person helpdesk, long createAt)
        : base(record, day)
    {
        _person = person;
        _helpdesk = helpdesk;
        _createAt = createAt;
    }

    /// <summary>Plans the scenario (before the others, so that nobody else picks the newcomer).</summary>
    public static NewEmployeeScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("new-employee");
        var organization = plan.Organization;
        var groups = Groups.Select(g => organization.People.Where(p => p.PeerGroup.Name == g).ToList()).Where(m => m.Count >= 2).ToList();
        var members = groups.Count > 0 ? rng.Pick(groups) : organization.People.Where(p => p.Schedule == ScheduleKind.Office && !p.Privileged).ToList();
        var person = members[^1];
        plan.Use(person);
        var days = plan.Slots.All;
        var joinChoices = days.Where(d => d > plan.Options.LearningDays && !SimTime.IsWeekend(plan.DayStart(d))).ToList();
        var join = joinChoices.Count > 0 ? joinChoices[rng.Next(0, Math.Min(4, joinChoices.Count))] : days[^1];
        var create = days.Where(d => d < join && !SimTime.IsWeekend(plan.DayStart(d))).DefaultIfEmpty(join).Max();
        var createAt = plan.DayStart(create) + (create == join ? 6 * SimTime.Hour : rng.NextLong(10 * SimTime.Hour, 16 * SimTime.Hour));
        person.StartDay = join;
        var helpdesk = rng.Pick(organization.People.Where(p => p.PeerGroup.Name == "it-helpdesk").ToList());
        var record = ScenarioCatalog.Trap("new-employee");
        person.ActivityRecord = record;
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"New {person.PeerGroup.Name} member {person.Id} ({person.Account.DownLevel}) joins on {SimTime.Date(plan.DayStart(join))}; account created by {helpdesk.Id} the working day before");
        record.AddUsers(person.Id);
        record.AddHosts(person.Workstation.Name, person.FileServer.Name);
        record.AddHosts(person.PeerGroup.Servers);
        record.AddHosts(organization.CorpDomainControllers[0].Name);
        record.AddAddresses(person.Workstation.Ip);
        return new NewEmployeeScenario(record, create, person, helpdesk, createAt);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var dc = context.Organization.CorpDomainControllers[0];
        var security = context.Telemetry.Security;
        var subject = _helpdesk.Account;
        var logon = security.Logon(_createAt - (10 * SimTime.Second), dc, subject, 3, _helpdesk.Workstation);
        security.UserCreated(_createAt, dc, subject, logon, _person.Account, _person.DisplayName, _person.Upn);
        context.Telemetry.Log.Add(new WindowsEvent
        {
            Ticks = _createAt + (2 * SimTime.Second),
            Channel = WindowsChannel.Security,
            EventId = 4722,
            Computer = dc.Fqdn,
            Data =
            [
                new("TargetUserName", _person.Account.Name), new("TargetDomainName", _person.Account.Domain.NetBios),
                new("TargetSid", _person.Account.Sid), new("SubjectUserSid", subject.Sid), new("SubjectUserName", subject.Name),
                new("SubjectDomainName", subject.Domain.NetBios), new("SubjectLogonId", logon),
            ],
        });
        security.MemberAdded(_createAt + (rng.Next(20, 90) * SimTime.Second), dc, subject, logon, _person.Account, _person.Department.Group, builtin: false);
    }
}
