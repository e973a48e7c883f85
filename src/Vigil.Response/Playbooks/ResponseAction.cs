namespace Vigil.Response.Playbooks;

/// <summary>The actions a playbook step can take.</summary>
public enum ResponseAction
{
    /// <summary>Gather more context (<c>enrich</c>).</summary>
    Enrich,

    /// <summary>Notify people (<c>notify</c>).</summary>
    Notify,

    /// <summary>Open a ticket (<c>open_ticket</c>).</summary>
    OpenTicket,

    /// <summary>Cut a host off the network (<c>isolate_host</c>); undone by <see cref="ReleaseHost"/>.</summary>
    IsolateHost,

    /// <summary>Release an isolated host (<c>release_host</c>).</summary>
    ReleaseHost,

    /// <summary>Disable an account (<c>disable_user</c>); undone by <see cref="EnableUser"/>.</summary>
    DisableUser,

    /// <summary>Enable an account (<c>enable_user</c>).</summary>
    EnableUser,

    /// <summary>Block an IP address (<c>block_ip</c>); undone by <see cref="UnblockIp"/>.</summary>
    BlockIp,

    /// <summary>Unblock an IP address (<c>unblock_ip</c>).</summary>
    UnblockIp,

    /// <summary>Block a domain (<c>block_domain</c>); undone by <see cref="UnblockDomain"/>.</summary>
    BlockDomain,

    /// <summary>Unblock a domain (<c>unblock_domain</c>).</summary>
    UnblockDomain,

    /// <summary>Kill a process (<c>kill_process</c>); cannot be undone.</summary>
    KillProcess,

    /// <summary>Revoke a user's sessions (<c>revoke_sessions</c>); cannot be undone.</summary>
    RevokeSessions,
}
