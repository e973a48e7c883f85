using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Organization;

/// <summary>Creates people: unique ids and account names per domain, working habits, leave and cloud identities.</summary>
internal sealed class PersonFactory
{
    private readonly SimulationOptions _options;
    private readonly SimRandom _names;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
    private int _corpRid = 2000;
    private int _medRid = 3000;
    private int _admins;

    /// <summary>Creates the factory.</summary>
    public PersonFactory(SimulationOptions options)
    {
        _options = options;
        _names = SimRandom.For(options.Seed, "names");
        foreach (var reserved in new[] { "administrator", "admin", "guest", "root" })
        {
            _taken.Add(reserved);
        }
    }

    /// <summary>Creates person number <paramref name="index"/> of a peer group.</summary>
    public Person Create(int index, PeerGroup group)
    {
        var rng = SimRandom.For(_options.Seed, "person", index);
        var first = _names.Pick(NameBank.First);
        var last = _names.Pick(NameBank.Last);
        var domain = group.Department.Domain;
        var id = Unique((first[0] + last).ToLowerInvariant());
        var sam = domain == Domain.Corp ? id : Unique((first[0] + "." + last).ToLowerInvariant());
        var email = UniqueEmail((first + "." + last).ToLowerInvariant(), domain.Dns);
        var rid = domain == Domain.Corp ? _corpRid++ : _medRid++;
        var account = new Account(sam, domain, domain.Sid(rid), domain == Domain.Corp ? "Staff" : "Clinical");
        Account? admin = null;
        if (group.Admin)
        {
            var adminName = Unique("adm-" + sam);
            admin = new Account(adminName, Domain.Corp, Domain.Corp.Sid(_corpRid++), "Admins");
        }

        var remote = rng.Chance(group.RemoteShare);
        var vpnChance = remote ? 1.0 : rng.Chance(group.HybridShare) ? 0.4 : 0.0;
        var schedule = group.Schedule == ScheduleKind.DayShift && rng.Chance(group.NightShare) ? ScheduleKind.NightShift : group.Schedule;
        var (start, length) = schedule switch
        {
            ScheduleKind.DayShift => ((6 * 60) + 45 + rng.Next(0, 30), 750),
            ScheduleKind.NightShift => ((18 * 60) + 45 + rng.Next(0, 30), 750),
            _ => ((7 * 60) + rng.Next(0, 181), 480 + rng.Next(0, 61)),
        };
        var cloud = rng.Chance(group.CloudShare) ? CloudFor(group, sam, id, rng) : null;
        var groups = new List<string> { group.Department.Group };
        groups.AddRange(group.Groups);
        if (group.Admin && _admins++ < 2)
        {
            groups.Add("Domain Admins");
        }

        if (vpnChance > 0)
        {
            groups.Add("VPN Users");
        }

        if (cloud is not null)
        {
            groups.Add("AWS Users");
        }

        var home = rng.Pick(Cities.Home);
        return new Person
        {
            Index = index,
            Id = id,
            DisplayName = first + " " + last,
            PeerGroup = group,
            Account = account,
            AdminAccount = admin,
            Upn = sam + "@" + domain.Dns,
            Email = email,
            Groups = groups,
            Schedule = schedule,
            StartMinute = start,
            LengthMinutes = length,
            RotationOffset = rng.Next(0, 14),
            Remote = remote,
            VpnDayChance = vpnChance,
            HomeCity = home,
            HomeLatitude = Math.Round(home.Latitude + rng.Between(-0.04, 0.04), 4),
            HomeLongitude = Math.Round(home.Longitude + rng.Between(-0.06, 0.06), 4),
            HomeIp = Internet.HomeAddress(index),
            MobileIp = Internet.MobileAddress(index),
            Cloud = cloud,
            Linux = rng.Chance(group.LinuxShare),
            LeaveDays = Leave(rng),
        };
    }

    private HashSet<int> Leave(SimRandom rng)
    {
        var days = new HashSet<int>();
        if (rng.Chance(0.35))
        {
            var first = rng.Next(0, _options.Days);
            var length = rng.Next(3, 6);
            for (var d = first; d < Math.Min(_options.Days, first + length); d++)
            {
                days.Add(d);
            }
        }

        for (var d = 0; d < _options.Days; d++)
        {
            if (rng.Chance(0.015))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private static CloudIdentity CloudFor(PeerGroup group, string sam, string id, SimRandom rng)
    {
        if (group.Admin)
        {
            return new CloudIdentity("IAMUser", sam, "AIDA" + rng.Token(17), $"arn:aws:iam::{CloudIdentity.AccountId}:user/{sam}", null, null);
        }

        var role = group.Name == "eng-sre" ? "SRE" : "Engineer";
        var roleId = "AROA" + new SimRandom(Seeds.Derive(0, "role", role.Length, (long)Seeds.Hash(role))).Token(17);
        var session = id + "@" + Domain.Corp.Dns;
        return new CloudIdentity(
            "AssumedRole", null, roleId + ":" + session, $"arn:aws:sts::{CloudIdentity.AccountId}:assumed-role/{role}/{session}", role, session);
    }

    private string Unique(string name)
    {
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private string UniqueEmail(string local, string dns)
    {
        var candidate = local + "@" + dns;
        for (var n = 2; !_emails.Add(candidate); n++)
        {
            candidate = local + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@" + dns;
        }

        return candidate;
    }
}
