namespace Vigil.Simulation.Events;

/// <summary>Everything activities and scenarios write through: one writer per kind of event, over one <see cref="EventLog"/>.</summary>
internal sealed class Telemetry
{
    /// <summary>Creates the writers over a log.</summary>
    public Telemetry(EventLog log)
    {
        Log = log;
        Security = new SecurityEvents(log);
        Sysmon = new SysmonEvents(log);
        Linux = new LinuxAuthEvents(log);
        Vpn = new VpnEvents(log);
        Firewall = new FirewallEvents(log);
        Cloud = new CloudTrailEvents(log);
    }

    /// <summary>Gets the log (for attribution and incidental randomness).</summary>
    public EventLog Log { get; }

    /// <summary>Gets the Windows Security writer.</summary>
    public SecurityEvents Security { get; }

    /// <summary>Gets the Sysmon writer.</summary>
    public SysmonEvents Sysmon { get; }

    /// <summary>Gets the Linux auth log writer.</summary>
    public LinuxAuthEvents Linux { get; }

    /// <summary>Gets the VPN writer.</summary>
    public VpnEvents Vpn { get; }

    /// <summary>Gets the firewall writer.</summary>
    public FirewallEvents Firewall { get; }

    /// <summary>Gets the CloudTrail writer.</summary>
    public CloudTrailEvents Cloud { get; }
}
