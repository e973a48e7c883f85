using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>One person's working day being generated: who, when, the day's generator, and the session's shell.</summary>
internal sealed class PersonDay
{
    /// <summary>Creates the day.</summary>
    public PersonDay(DayContext context, Person person, WorkDay work, SimRandom random)
    {
        Context = context;
        Person = person;
        Work = work;
        Random = random;
    }

    /// <summary>Gets the day's shared context.</summary>
    public DayContext Context { get; }

    /// <summary>Gets the person.</summary>
    public Person Person { get; }

    /// <summary>Gets the working period.</summary>
    public WorkDay Work { get; }

    /// <summary>Gets the person-day generator.</summary>
    public SimRandom Random { get; }

    /// <summary>Gets where events go.</summary>
    public Telemetry Telemetry => Context.Telemetry;

    /// <summary>Gets the workstation.</summary>
    public Host Workstation => Person.Workstation;

    /// <summary>Gets or sets the workstation logon id.</summary>
    public string LogonId { get; set; } = "0x0";

    /// <summary>Gets or sets the shell of the workstation session (parent of the programs started).</summary>
    public ProcessRef? Explorer { get; set; }

    /// <summary>Gets the address the person's internet traffic leaves from today.</summary>
    public string PublicAddress => !Work.Remote ? (Person.Department.Domain == Domain.MedNet ? Internet.HospitalEgress : Internet.OfficeEgress)
        : Person.Travel is { } travel && travel.Covers(Context.Day) ? travel.Address : Person.HomeIp;
}
