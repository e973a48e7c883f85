namespace Vigil.Simulation.Organization;

/// <summary>A Windows account as events name it.</summary>
/// <param name="Name">The account name (<c>jdoe</c>, <c>adm-jdoe</c>, <c>j.doe</c>, <c>svc-backup</c>).</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Sid">Its SID.</param>
/// <param name="OrganizationalUnit">The OU its distinguished name is under.</param>
internal sealed record Account(string Name, Domain Domain, string Sid, string OrganizationalUnit)
{
    /// <summary>The down-level logon name: <c>CORP\jdoe</c>.</summary>
    public string DownLevel => Domain.NetBios + "\\" + Name;

    /// <summary>The distinguished name: <c>CN=jdoe,OU=Staff,DC=corp,DC=example</c>.</summary>
    public string DistinguishedName => $"CN={Name},OU={OrganizationalUnit},{Domain.DnSuffix}";
}
