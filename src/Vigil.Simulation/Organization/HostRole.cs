namespace Vigil.Simulation.Organization;

/// <summary>What a host is for; decides the activity it sees.</summary>
internal enum HostRole
{
    /// <summary>A person's workstation or laptop.</summary>
    Workstation,

    /// <summary>A clinical imaging workstation (radiographers).</summary>
    ImagingWorkstation,

    /// <summary>A domain controller.</summary>
    DomainController,

    /// <summary>A file server.</summary>
    FileServer,

    /// <summary>A business application server.</summary>
    AppServer,

    /// <summary>A database server.</summary>
    DatabaseServer,

    /// <summary>The privileged-access jump host.</summary>
    JumpHost,

    /// <summary>The patch (update) server.</summary>
    PatchServer,

    /// <summary>The backup server.</summary>
    BackupServer,

    /// <summary>The monitoring server.</summary>
    MonitoringServer,

    /// <summary>A web server in the DMZ.</summary>
    WebServer,

    /// <summary>A PACS (medical imaging archive) server.</summary>
    Pacs,

    /// <summary>A Linux server (logs through syslog).</summary>
    LinuxServer,

    /// <summary>The VPN gateway.</summary>
    VpnGateway,

    /// <summary>The edge firewall.</summary>
    Firewall,
}
