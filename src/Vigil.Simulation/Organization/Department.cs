namespace Vigil.Simulation.Organization;

/// <summary>A business unit: its domain, how its people are named on the VPN, and its share of the organisation.</summary>
/// <param name="Name">The business unit (<c>Finance</c>).</param>
/// <param name="Domain">The Windows domain its people log on to.</param>
/// <param name="VpnName">How its people type their name on the VPN.</param>
/// <param name="Share">Its share of the people.</param>
/// <param name="Group">The directory group every member is in.</param>
internal sealed record Department(string Name, Domain Domain, VpnNameForm VpnName, double Share, string Group)
{
    /// <summary>Clinical staff of the acquired hospital (MEDNET).</summary>
    public static readonly Department Clinical = new("Clinical", Domain.MedNet, VpnNameForm.Upn, 0.34, "Clinical Staff");

    /// <summary>Finance.</summary>
    public static readonly Department Finance = new("Finance", Domain.Corp, VpnNameForm.Sam, 0.12, "Finance");

    /// <summary>Sales.</summary>
    public static readonly Department Sales = new("Sales", Domain.Corp, VpnNameForm.Sam, 0.14, "Sales");

    /// <summary>Human resources.</summary>
    public static readonly Department HumanResources = new("HR", Domain.Corp, VpnNameForm.Sam, 0.06, "HR");

    /// <summary>Engineering (UPNs on the VPN and in the cloud).</summary>
    public static readonly Department Engineering = new("Engineering", Domain.Corp, VpnNameForm.Upn, 0.24, "Engineering");

    /// <summary>IT.</summary>
    public static readonly Department It = new("IT", Domain.Corp, VpnNameForm.DownLevel, 0.10, "IT");

    /// <summary>Every business unit, in a fixed order.</summary>
    public static readonly IReadOnlyList<Department> All = [Clinical, Finance, Sales, HumanResources, Engineering, It];
}
