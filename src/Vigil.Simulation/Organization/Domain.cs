namespace Vigil.Simulation.Organization;

/// <summary>A Windows domain: its NetBIOS name, DNS name and the SID prefix of its accounts.</summary>
/// <param name="NetBios">The NetBIOS name (<c>CORP</c>).</param>
/// <param name="Dns">The DNS name (<c>corp.example</c>).</param>
/// <param name="SidPrefix">The domain SID (<c>S-1-5-21-...</c>) that account RIDs follow.</param>
internal sealed record Domain(string NetBios, string Dns, string SidPrefix)
{
    /// <summary>The corporate domain (Finance, Sales, HR, Engineering, IT).</summary>
    public static readonly Domain Corp = new("CORP", "corp.example", "S-1-5-21-1004336348-1177238915-682003330");

    /// <summary>The acquired hospital's domain (Clinical).</summary>
    public static readonly Domain MedNet = new("MEDNET", "mednet.example", "S-1-5-21-2811947305-3321545901-2440183167");

    /// <summary>The distinguished-name suffix: <c>DC=corp,DC=example</c>.</summary>
    public string DnSuffix => string.Join(',', Dns.Split('.').Select(p => "DC=" + p));

    /// <summary>The SID of an account of this domain.</summary>
    public string Sid(int rid) => SidPrefix + "-" + rid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
