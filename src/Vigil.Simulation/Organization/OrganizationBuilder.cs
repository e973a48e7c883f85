using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Organization;

/// <summary>Builds the organisation for a run: how many people each peer group has, who they are, and their hosts.</summary>
internal static class OrganizationBuilder
{
    /// <summary>Builds the organisation.</summary>
    /// <param name="options">The run's options.</param>
    /// <returns>The organisation.</returns>
    public static SimulatedOrganization Build(SimulationOptions options)
    {
        var counts = Allocate(options.Users);
        var names = new PersonFactory(options);
        var people = new List<Person>(options.Users);
        for (var g = 0; g < PeerGroups.All.Count; g++)
        {
            for (var k = 0; k < counts[g]; k++)
            {
                people.Add(names.Create(people.Count, PeerGroups.All[g]));
            }
        }

        var corp = people.Count(p => p.Department.Domain == Domain.Corp);
        var hosts = Infrastructure.Build(corp, people.Count - corp);
        var hostsByName = hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        var workstations = new WorkstationFactory(options.Seed);
        var fileServers = hosts.Where(h => h.Role == HostRole.FileServer).ToList();
        var corpFs = fileServers.Where(h => h.Domain == Domain.Corp).ToList();
        var medFs = fileServers.Where(h => h.Domain == Domain.MedNet).ToList();
        foreach (var person in people)
        {
            person.Workstation = workstations.Create(person);
            hosts.Add(person.Workstation);
            var pool = person.Department.Domain == Domain.Corp ? corpFs : medFs;
            person.FileServer = pool[person.Index % pool.Count];
            person.Sites = Activity.Destinations.External(person, options.Seed);
        }

        AssignManagers(people);
        var services = ServiceAccounts(hostsByName);
        return new SimulatedOrganization(people, services, hosts, Infrastructure.Networks);
    }

    /// <summary>People per peer group: each gets its minimum, the rest goes by share (largest remainder).</summary>
    internal static int[] Allocate(int users)
    {
        var groups = PeerGroups.All;
        var counts = groups.Select(g => g.Minimum).ToArray();
        var rest = users - counts.Sum();
        var weights = groups.Select(g => g.Department.Share * g.Share).ToArray();
        var total = weights.Sum();
        var exact = weights.Select(w => rest * w / total).ToArray();
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += (int)Math.Floor(exact[i]);
        }

        var left = users - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).Take(left))
        {
            counts[i]++;
        }

        return counts;
    }

    private static void AssignManagers(List<Person> people)
    {
        foreach (var department in Department.All)
        {
            var members = people.Where(p => p.Department == department).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var head = members[0];
            foreach (var group in members.GroupBy(p => p.PeerGroup.Name, StringComparer.Ordinal))
            {
                var lead = group.First();
                foreach (var person in group)
                {
                    person.ManagerId = person == head ? null : person == lead ? head.Id : lead.Id;
                }
            }
        }
    }

    private static List<ServiceAccount> ServiceAccounts(Dictionary<string, Host> hosts)
    {
        var corpRid = 1500;
        var medRid = 1500;
        ServiceAccount Make(string id, Domain domain, string description, bool privileged, string home, params string[] groups)
        {
            var rid = domain == Domain.Corp ? corpRid++ : medRid++;
            var account = new Account(id, domain, domain.Sid(rid), "Service Accounts");
            return new ServiceAccount(id, account, description, privileged, ["Service Accounts", .. groups], hosts[home]);
        }

        return
        [
            Make("svc-backup", Domain.Corp, "Nightly backups of file, database and application servers", true, "SRV-BACKUP01", "Backup Operators"),
            Make("svc-patch", Domain.Corp, "Patch deployment (WSUS) during the maintenance window", true, "SRV-WSUS01", "Server Operators"),
            Make("svc-monitor", Domain.Corp, "Server health checks over WMI every six hours", false, "SRV-MON01", "Performance Monitor Users"),
            Make("svc-sql", Domain.Corp, "SQL Server and SQL Agent service", false, "SQL01"),
            Make("svc-web", Domain.Corp, "IIS application pool of the customer portal", false, "WEB01"),
            Make("svc-pacs", Domain.MedNet, "PACS archive service", false, "PACS01"),
            Make("svc-ehr", Domain.MedNet, "EHR interface engine (pulls lab results)", false, "EHR01"),
            Make("svc-deploy", Domain.Corp, "CI deployments from lnx-build01 to the web servers (SSH keys)", false, "lnx-build01"),
        ];
    }
}
