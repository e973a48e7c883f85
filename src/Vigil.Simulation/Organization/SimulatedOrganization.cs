namespace Vigil.Simulation.Organization;

/// <summary>The simulated organisation: people, service accounts, hosts and networks, all in a fixed order.</summary>
internal sealed class SimulatedOrganization
{
    private readonly Dictionary<string, Host> _hostsByName;

    /// <summary>Creates the organisation.</summary>
    public SimulatedOrganization(IReadOnlyList<Person> people, IReadOnlyList<ServiceAccount> serviceAccounts, IReadOnlyList<Host> hosts, IReadOnlyList<Network> networks)
    {
        People = people;
        ServiceAccounts = serviceAccounts;
        Hosts = hosts;
        Networks = networks;
        _hostsByName = hosts.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        Servers = [.. hosts.Where(h => h.Type == "server")];
        WindowsServers = [.. Servers.Where(h => !h.IsLinux)];
        LinuxServers = [.. Servers.Where(h => h.IsLinux)];
        CorpDomainControllers = [.. hosts.Where(h => h.Role == HostRole.DomainController && h.Domain == Domain.Corp)];
        ImagingWorkstations = [.. hosts.Where(h => h.Role == HostRole.ImagingWorkstation)];
        Admins = [.. people.Where(p => p.Privileged)];
    }

    /// <summary>Gets the people.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Gets the service accounts.</summary>
    public IReadOnlyList<ServiceAccount> ServiceAccounts { get; }

    /// <summary>Gets every host.</summary>
    public IReadOnlyList<Host> Hosts { get; }

    /// <summary>Gets the network segments.</summary>
    public IReadOnlyList<Network> Networks { get; }

    /// <summary>Gets the servers (Windows and Linux).</summary>
    public IReadOnlyList<Host> Servers { get; }

    /// <summary>Gets the Windows servers.</summary>
    public IReadOnlyList<Host> WindowsServers { get; }

    /// <summary>Gets the Linux servers.</summary>
    public IReadOnlyList<Host> LinuxServers { get; }

    /// <summary>Gets the corporate domain controllers.</summary>
    public IReadOnlyList<Host> CorpDomainControllers { get; }

    /// <summary>Gets the imaging workstations.</summary>
    public IReadOnlyList<Host> ImagingWorkstations { get; }

    /// <summary>Gets the administrators.</summary>
    public IReadOnlyList<Person> Admins { get; }

    /// <summary>Gets or sets the first day the imaging workstations run the new viewer (clinical-new-workflow), or -1.</summary>
    public int ImagingChangeDay { get; set; } = -1;

    /// <summary>Gets or sets the truth entry of the imaging change, or null.</summary>
    public Scenarios.ScenarioRecord? ImagingChange { get; set; }

    /// <summary>Gets or sets the night of the patch run (patch-night), or -1.</summary>
    public int PatchDay { get; set; } = -1;

    /// <summary>Gets a host by name.</summary>
    public Host Host(string name) => _hostsByName[name];

    /// <summary>Gets a service account by id.</summary>
    public ServiceAccount Service(string id) => ServiceAccounts.First(s => s.Id == id);
}
