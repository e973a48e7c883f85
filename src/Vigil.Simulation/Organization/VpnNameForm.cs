namespace Vigil.Simulation.Organization;

/// <summary>How a business unit's people are named in VPN logons (the gateway passes on what users type).</summary>
internal enum VpnNameForm
{
    /// <summary>The bare account name: <c>jdoe</c>.</summary>
    Sam,

    /// <summary>The down-level name: <c>CORP\jdoe</c>.</summary>
    DownLevel,

    /// <summary>The user principal name: <c>jdoe@corp.example</c>.</summary>
    Upn,
}
