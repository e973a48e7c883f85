namespace Vigil.Simulation.Organization;

/// <summary>
/// External services and address plans. Public addresses are synthetic: services and home connections come from
/// 198.18.0.0/15 (reserved for benchmarking, RFC 2544), attackers and hotels from the documentation ranges
/// 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 (RFC 5737), so that no real network is named.
/// </summary>
internal static class Internet
{
    /// <summary>An external service.</summary>
    /// <param name="Host">Its host name.</param>
    /// <param name="Ip">Its (synthetic) address.</param>
    public sealed record Service(string Host, string Ip);

    /// <summary>Mail and calendar.</summary>
    public static readonly Service Mail = new("outlook.office365.com", "198.19.10.20");

    /// <summary>Chat and meetings.</summary>
    public static readonly Service Teams = new("teams.microsoft.com", "198.19.11.30");

    /// <summary>Source hosting.</summary>
    public static readonly Service Git = new("github.com", "198.19.20.10");

    /// <summary>The cloud console.</summary>
    public static readonly Service CloudConsole = new("console.aws.amazon.com", "198.19.30.10");

    /// <summary>The CRM.</summary>
    public static readonly Service Crm = new("login.salesforce.com", "198.19.50.10");

    /// <summary>Windows Update (the patch server syncs from it).</summary>
    public static readonly Service WindowsUpdate = new("download.windowsupdate.com", "198.19.60.10");

    /// <summary>Off-site backup storage.</summary>
    public static readonly Service BackupVault = new("vault.backup-provider.example", "198.19.61.20");

    /// <summary>The head office's outbound (NAT) address.</summary>
    public const string OfficeEgress = "198.18.255.10";

    /// <summary>The hospital's outbound (NAT) address.</summary>
    public const string HospitalEgress = "198.18.255.20";

    /// <summary>Sites people browse: a pool each workstation takes a stable handful from.</summary>
    public static readonly IReadOnlyList<Service> Web = Enumerable.Range(0, 40)
        .Select(i => new Service($"site{i:00}.example", $"198.19.{40 + (i / 20)}.{10 + ((i % 20) * 5)}"))
        .ToList();

    /// <summary>The home address of person number <paramref name="index"/>: stable, one per person.</summary>
    public static string HomeAddress(int index) => $"198.18.{index / 250}.{(index % 250) + 2}";

    /// <summary>The mobile (tethering) address of person number <paramref name="index"/>.</summary>
    public static string MobileAddress(int index) => $"198.18.{128 + (index / 250)}.{(index % 250) + 2}";
}
