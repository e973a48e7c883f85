using System.Text;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Writers;

namespace Vigil.Simulation.Context;

/// <summary>
/// Writes <c>context/identities.yaml</c>: every person (with every account name, UPN, e-mail, SID and down-level alias
/// they appear under) and every service account, so that all forms resolve to one canonical id.
/// </summary>
internal static class IdentitiesWriter
{
    /// <summary>Renders the file.</summary>
    public static string Render(SimulatedOrganization organization, int seed)
    {
        var text = new StringBuilder();
        text.Append("# Synthetic directory written by 'vigil simulate' (seed ").Append(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(").\n");
        text.Append("# CORP (corp.example) holds Finance, Sales, HR, Engineering and IT; MEDNET (mednet.example) is the acquired hospital.\n");
        text.Append("domains: [CORP, corp.example, MEDNET, mednet.example]\n");
        text.Append("identities:\n");
        foreach (var person in organization.People)
        {
            var sams = new List<string> { person.Account.Name };
            var sids = new List<string> { person.Account.Sid };
            var aliases = new List<string> { person.Account.DownLevel };
            if (person.AdminAccount is { } admin)
            {
                sams.Add(admin.Name);
                sids.Add(admin.Sid);
                aliases.Add(admin.DownLevel);
            }

            Entry(text, person.Id, person.DisplayName, person.Department.Name, person.PeerGroup.Name, person.ManagerId, sams, person.Upn, person.Email,
                sids, aliases, person.Groups, person.Privileged);
        }

        var owner = organization.Admins.Count > 0 ? organization.Admins[0].Id : null;
        foreach (var service in organization.ServiceAccounts)
        {
            var unit = service.Account.Domain == Domain.MedNet ? "Clinical" : "IT";
            Entry(text, service.Id, service.Description, unit, "service-accounts", owner, [service.Account.Name], null, null, [service.Account.Sid],
                [service.Account.DownLevel], service.Groups, service.Privileged);
        }

        return text.ToString();
    }

    private static void Entry(
        StringBuilder text, string id, string displayName, string unit, string peerGroup, string? manager, IReadOnlyList<string> sams, string? upn,
        string? email, IReadOnlyList<string> sids, IReadOnlyList<string> aliases, IReadOnlyList<string> groups, bool privileged)
    {
        text.Append("  - id: ").Append(Escaping.Yaml(id)).Append('\n');
        text.Append("    display_name: ").Append(Escaping.Yaml(displayName)).Append('\n');
        text.Append("    business_unit: ").Append(Escaping.Yaml(unit)).Append('\n');
        text.Append("    peer_group: ").Append(Escaping.Yaml(peerGroup)).Append('\n');
        if (manager is not null)
        {
            text.Append("    manager: ").Append(Escaping.Yaml(manager)).Append('\n');
        }

        text.Append("    sam: ").Append(Escaping.YamlList(sams)).Append('\n');
        if (upn is not null)
        {
            text.Append("    upn: ").Append(Escaping.Yaml(upn)).Append('\n');
        }

        if (email is not null)
        {
            text.Append("    email: ").Append(Escaping.Yaml(email)).Append('\n');
        }

        text.Append("    sid: ").Append(Escaping.YamlList(sids)).Append('\n');
        text.Append("    aliases: ").Append(Escaping.YamlList(aliases)).Append('\n');
        text.Append("    groups: ").Append(Escaping.YamlList(groups)).Append('\n');
        text.Append("    privileged: ").Append(privileged ? "true" : "false").Append('\n');
    }
}
