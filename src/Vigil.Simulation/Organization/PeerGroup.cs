namespace Vigil.Simulation.Organization;

/// <summary>
/// A peer group: people of one business unit who do the same work, on the same servers, with the same programs.
/// </summary>
internal sealed record PeerGroup
{
    /// <summary>Gets the name (<c>finance-analysts</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the business unit.</summary>
    public required Department Department { get; init; }

    /// <summary>Gets the share of the business unit's people.</summary>
    public required double Share { get; init; }

    /// <summary>Gets the fewest members (scenarios need a few of some groups).</summary>
    public int Minimum { get; init; } = 1;

    /// <summary>Gets the working pattern.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Office;

    /// <summary>Gets the share working night shifts (shift workers).</summary>
    public double NightShare { get; init; }

    /// <summary>Gets the share working fully remotely (VPN every working day, from a laptop).</summary>
    public double RemoteShare { get; init; }

    /// <summary>Gets the share of hybrid workers (VPN on some days).</summary>
    public double HybridShare { get; init; }

    /// <summary>Gets the share using the cloud console and APIs.</summary>
    public double CloudShare { get; init; }

    /// <summary>Gets the share logging on to Linux servers.</summary>
    public double LinuxShare { get; init; }

    /// <summary>Gets whether members are administrators (privileged, admin accounts, work through JUMP01).</summary>
    public bool Admin { get; init; }

    /// <summary>Gets the directory groups of every member (besides the business unit's).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets the programs members start.</summary>
    public required IReadOnlyList<App> Apps { get; init; }

    /// <summary>Gets the servers members log on to (besides their file server).</summary>
    public IReadOnlyList<string> Servers { get; init; } = [];

    /// <summary>Gets the Linux servers members log on to.</summary>
    public IReadOnlyList<string> LinuxServers { get; init; } = [];

    /// <summary>Gets the workstation name prefix (<c>WS</c>, <c>CLN</c>, <c>IMG</c>).</summary>
    public string WorkstationPrefix { get; init; } = "WS";
}
