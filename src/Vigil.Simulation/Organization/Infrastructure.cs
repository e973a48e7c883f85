using System.Globalization;

namespace Vigil.Simulation.Organization;

/// <summary>The servers, appliances and networks of the organisation (more file servers for more people).</summary>
internal static class Infrastructure
{
    /// <summary>People per file server.</summary>
    private const int PeoplePerFileServer = 1500;

    /// <summary>The network segments.</summary>
    public static readonly IReadOnlyList<Network> Networks =
    [
        new("Corporate network", "10.20.0.0/16", "IT", "low", ["corporate"]),
        new("Server VLAN", "10.20.0.0/24", "IT", "high", ["servers"]),
        new("Admin VLAN", "10.20.1.0/24", "IT", "critical", ["admin"]),
        new("Admin workstation VLAN", "10.20.4.0/22", "IT", "critical", ["admin"]),
        new("Linux server VLAN", "10.20.2.0/24", "Engineering", "high", ["servers", "linux"]),
        new("Clinical VLAN", "10.30.0.0/16", "Clinical", "critical", ["clinical"]),
        new("Clinical server VLAN", "10.30.0.0/24", "Clinical", "critical", ["clinical", "servers"]),
        new("DMZ", "10.40.0.0/24", "IT", "high", ["dmz"]),
        new("VPN client pool", "10.50.0.0/16", "IT", "medium", ["vpn"]),
    ];

    /// <summary>Builds the servers and appliances.</summary>
    /// <param name="corpPeople">People of the corporate domain.</param>
    /// <param name="clinicalPeople">People of the hospital domain.</param>
    /// <returns>The hosts, in a fixed order.</returns>
    public static List<Host> Build(int corpPeople, int clinicalPeople)
    {
        var c = Domain.Corp;
        var m = Domain.MedNet;
        var hosts = new List<Host>
        {
            Server("DC01", "10.20.0.10", HostRole.DomainController, "IT", "critical", c, "domain-controller", "tier0", "patch-group"),
            Server("DC02", "10.20.0.11", HostRole.DomainController, "IT", "critical", c, "domain-controller", "tier0", "patch-group"),
        };
        for (var i = 0; i < 1 + ((corpPeople - 1) / PeoplePerFileServer); i++)
        {
            hosts.Add(Server(Invariant($"FS{i + 1:00}"), Invariant($"10.20.0.{20 + i}"), HostRole.FileServer, "IT", "high", c, "file-server", "patch-group", "backup-target"));
        }

        hosts.AddRange(
        [
            Server("SRV-WSUS01", "10.20.0.40", HostRole.PatchServer, "IT", "medium", c, "patch-server"),
            Server("SRV-BACKUP01", "10.20.0.41", HostRole.BackupServer, "IT", "high", c, "backup", "tier0"),
            Server("SRV-MON01", "10.20.0.42", HostRole.MonitoringServer, "IT", "medium", c, "monitoring"),
            Server("SQL01", "10.20.0.50", HostRole.DatabaseServer, "IT", "high", c, "database", "patch-group", "backup-target"),
            Server("SRV-FIN-01", "10.20.0.60", HostRole.AppServer, "Finance", "high", c, "finance", "erp", "patch-group", "backup-target"),
            Server("SRV-HR-01", "10.20.0.70", HostRole.AppServer, "HR", "high", c, "hr", "pii", "patch-group", "backup-target"),
            Server("SRV-CRM-01", "10.20.0.80", HostRole.AppServer, "Sales", "medium", c, "crm", "patch-group"),
            Server("SRV-BUILD01", "10.20.0.90", HostRole.AppServer, "Engineering", "medium", c, "ci", "patch-group"),
            Server("SRV-GIT01", "10.20.0.91", HostRole.AppServer, "Engineering", "high", c, "source-code", "patch-group", "backup-target"),
            Server("SRV-IT-01", "10.20.0.100", HostRole.AppServer, "IT", "medium", c, "management", "patch-group"),
            Server("JUMP01", "10.20.1.10", HostRole.JumpHost, "IT", "critical", c, "jump-host", "tier0", "patch-group"),
            Server("WEB01", "10.40.0.20", HostRole.WebServer, "Sales", "high", c, "internet-facing", "iis", "dmz", "patch-group"),
            Server("lnx-web01", "10.20.2.10", HostRole.LinuxServer, "Engineering", "high", c, "linux", "web"),
            Server("lnx-web02", "10.20.2.11", HostRole.LinuxServer, "Engineering", "high", c, "linux", "web"),
            Server("lnx-app01", "10.20.2.20", HostRole.LinuxServer, "Engineering", "high", c, "linux", "app"),
            Server("lnx-db01", "10.20.2.30", HostRole.LinuxServer, "Engineering", "critical", c, "linux", "database"),
            Server("lnx-build01", "10.20.2.40", HostRole.LinuxServer, "Engineering", "medium", c, "linux", "ci"),
            Server("lnx-mon01", "10.20.2.50", HostRole.LinuxServer, "IT", "medium", c, "linux", "monitoring"),
            Appliance("vpn01", "10.40.0.5", HostRole.VpnGateway, "vpn", "internet-facing", "dmz"),
            Appliance("fw01", "10.40.0.1", HostRole.Firewall, "firewall", "internet-facing"),
            Server("MEDDC01", "10.30.0.10", HostRole.DomainController, "Clinical", "critical", m, "domain-controller", "tier0", "patch-group"),
            Server("EHR01", "10.30.0.20", HostRole.AppServer, "Clinical", "critical", m, "clinical", "ehr", "patch-group", "backup-target"),
            Server("PACS01", "10.30.0.30", HostRole.Pacs, "Clinical", "critical", m, "clinical", "pacs", "patch-group"),
            Server("PACS02", "10.30.0.31", HostRole.Pacs, "Clinical", "critical", m, "clinical", "pacs", "patch-group"),
            Server("LIS01", "10.30.0.40", HostRole.AppServer, "Clinical", "high", m, "clinical", "lab", "patch-group"),
        ]);
        for (var i = 0; i < 1 + ((clinicalPeople - 1) / PeoplePerFileServer); i++)
        {
            hosts.Add(Server(Invariant($"MEDFS{i + 1:00}"), Invariant($"10.30.0.{50 + i}"), HostRole.FileServer, "Clinical", "high", m, "file-server", "clinical", "patch-group", "backup-target"));
        }

        return hosts;
    }

    private static Host Server(string name, string ip, HostRole role, string unit, string criticality, Domain domain, params string[] tags) => new()
    {
        Name = name,
        Fqdn = name.ToLowerInvariant() + "." + domain.Dns,
        Ip = ip,
        Owner = unit == "Clinical" ? "clinical-it" : role == HostRole.LinuxServer && unit == "Engineering" ? "platform-team" : "it-infrastructure",
        BusinessUnit = unit,
        Criticality = criticality,
        Tags = tags,
        Type = "server",
        Role = role,
        Domain = domain,
    };

    private static Host Appliance(string name, string ip, HostRole role, params string[] tags) => new()
    {
        Name = name,
        Fqdn = name + "." + Domain.Corp.Dns,
        Ip = ip,
        Owner = "network-team",
        BusinessUnit = "IT",
        Criticality = "critical",
        Tags = tags,
        Type = "appliance",
        Role = role,
        Domain = Domain.Corp,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
