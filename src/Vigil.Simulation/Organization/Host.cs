namespace Vigil.Simulation.Organization;

/// <summary>A host of the inventory (a row of <c>assets.csv</c>) and what runs on it.</summary>
internal sealed class Host
{
    /// <summary>Gets the short name (<c>WS-0142</c>, <c>DC01</c>, <c>lnx-web01</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the fully qualified name; Windows events carry it as <c>Computer</c>.</summary>
    public required string Fqdn { get; init; }

    /// <summary>Gets the IPv4 address.</summary>
    public required string Ip { get; init; }

    /// <summary>Gets the owner (a person's id or a team).</summary>
    public required string Owner { get; init; }

    /// <summary>Gets the business unit.</summary>
    public required string BusinessUnit { get; init; }

    /// <summary>Gets the criticality: low, medium, high or critical.</summary>
    public required string Criticality { get; init; }

    /// <summary>Gets the tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Gets the asset type: workstation, server or appliance.</summary>
    public required string Type { get; init; }

    /// <summary>Gets what the host is for.</summary>
    public required HostRole Role { get; init; }

    /// <summary>Gets the Windows domain the host belongs to (Linux servers and appliances: the corporate one).</summary>
    public required Domain Domain { get; init; }

    /// <summary>Gets whether the host logs through syslog rather than the Windows event log.</summary>
    public bool IsLinux => Role == HostRole.LinuxServer;

    /// <summary>Gets whether the host is a Windows server.</summary>
    public bool IsWindowsServer => Type == "server" && !IsLinux;

    /// <summary>Gets the applications its user starts (workstations), in a stable order.</summary>
    public IReadOnlyList<App> Apps { get; init; } = [];

    /// <summary>Gets whether the host carries a tag.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}
