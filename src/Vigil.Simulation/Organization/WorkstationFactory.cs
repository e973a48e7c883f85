using System.Globalization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Organization;

/// <summary>
/// Creates each person's primary workstation: office desktops in the corporate or clinical ranges, administrators'
/// workstations in the admin VLAN, remote workers' laptops in the VPN pool, imaging workstations for radiographers.
/// </summary>
internal sealed class WorkstationFactory
{
    private readonly int _seed;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private int _corp;
    private int _clinical;
    private int _admin;
    private int _remote;

    /// <summary>Creates the factory.</summary>
    public WorkstationFactory(int seed) => _seed = seed;

    /// <summary>Creates the workstation of a person.</summary>
    public Host Create(Person person)
    {
        var group = person.PeerGroup;
        var prefix = group.WorkstationPrefix;
        var number = _numbers.GetValueOrDefault(prefix) + 1;
        _numbers[prefix] = number;
        var name = prefix + "-" + number.ToString("0000", CultureInfo.InvariantCulture);
        var clinical = person.Department.Domain == Domain.MedNet;
        string ip;
        var tags = new List<string>();
        var criticality = "medium";
        if (group.Admin)
        {
            ip = Invariant($"10.20.{4 + (_admin / 250)}.{(_admin % 250) + 2}");
            _admin++;
            tags.Add("admin-workstation");
            criticality = "high";
        }
        else if (person.Remote)
        {
            ip = Invariant($"10.50.{_remote / 250}.{(_remote % 250) + 2}");
            _remote++;
            tags.Add("laptop");
        }
        else if (clinical)
        {
            ip = Invariant($"10.30.{8 + (_clinical / 250)}.{(_clinical % 250) + 2}");
            _clinical++;
        }
        else
        {
            ip = Invariant($"10.20.{8 + (_corp / 250)}.{(_corp % 250) + 2}");
            _corp++;
        }

        if (clinical)
        {
            tags.Add("clinical");
            criticality = "high";
        }

        var role = HostRole.Workstation;
        if (prefix == "IMG")
        {
            tags.Add("imaging");
            criticality = "critical";
            role = HostRole.ImagingWorkstation;
        }

        return new Host
        {
            Name = name,
            Fqdn = name.ToLowerInvariant() + "." + person.Department.Domain.Dns,
            Ip = ip,
            Owner = person.Id,
            BusinessUnit = person.Department.Name,
            Criticality = criticality,
            Tags = tags,
            Type = "workstation",
            Role = role,
            Domain = person.Department.Domain,
            Apps = PickApps(person),
        };
    }

    /// <summary>A stable subset of the peer group's programs: all but one, at random, for groups of five or more.</summary>
    private List<App> PickApps(Person person)
    {
        var apps = person.PeerGroup.Apps.ToList();
        if (apps.Count >= 5 && !person.PeerGroup.Admin)
        {
            var rng = SimRandom.For(_seed, "apps", person.Index);
            apps.RemoveAt(1 + rng.Next(apps.Count - 1));
        }

        return apps;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
