using System.Globalization;
using System.Text;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Context;

/// <summary>
/// Writes <c>context/maintenance.yaml</c> (maintenance windows: 5-field UTC cron, duration, asset scope, expected actors)
/// and <c>context/privileged-access.yaml</c> (approved privileged-access patterns); docs/simulation.md describes both.
/// </summary>
internal static class PolicyWriter
{
    /// <summary>Renders maintenance.yaml.</summary>
    public static string Maintenance(SimulatedOrganization organization, long startTicks)
    {
        var patchDay = organization.PatchDay >= 0 ? organization.PatchDay : 2;
        var dow = (int)SimTime.DayOfWeek(startTicks + (patchDay * SimTime.Day));
        var text = new StringBuilder();
        text.Append("# Maintenance windows: 5-field cron (minute hour day-of-month month day-of-week, UTC), duration (h/m), asset scope\n");
        text.Append("# (tag:, name:, cidr:) and the identities, groups or peer groups expected to act in the window.\n");
        text.Append("windows:\n");
        text.Append("  - name: patch-night\n");
        text.Append(CultureInfo.InvariantCulture, $"    cron: \"0 1 * * {dow}\"\n");
        text.Append("    duration: 4h\n");
        text.Append("    assets: [tag:patch-group, name:SRV-WSUS01, name:JUMP01, cidr:10.20.2.0/24]\n");
        text.Append("    users: [svc-patch, svc-sql, svc-web, svc-pacs, it-admins]\n");
        text.Append("    description: Weekly patch window; the monthly updates are installed and servers rebooted in it\n");
        text.Append("  - name: nightly-backup\n");
        text.Append("    cron: \"30 0 * * *\"\n");
        text.Append("    duration: 3h\n");
        text.Append("    assets: [tag:backup-target, name:SRV-BACKUP01]\n");
        text.Append("    users: [svc-backup]\n");
        text.Append("    description: Nightly backups by svc-backup from SRV-BACKUP01, then the off-site copy\n");
        text.Append("  - name: web-deployments\n");
        text.Append("    cron: \"0 10 * * 1-5\"\n");
        text.Append("    duration: 8h\n");
        text.Append("    assets: [name:lnx-web01, name:lnx-web02, name:lnx-build01]\n");
        text.Append("    users: [svc-deploy]\n");
        text.Append("    description: CI deployments to the web servers on working days\n");
        return text.ToString();
    }

    /// <summary>Renders privileged-access.yaml.</summary>
    public static string PrivilegedAccess()
    {
        var text = new StringBuilder();
        text.Append("# Approved privileged-access patterns. users: id, group:NAME or peer_group:NAME; from (source assets): tag:, name:, cidr:;\n");
        text.Append("# to (destination assets): type:, tag:, name:, cidr:; hours: optional UTC hour range.\n");
        text.Append("approved:\n");
        Pattern(text, "admins-via-jump-host", "[group:IT Admins]", "[tag:jump-host]", "[type:server, tag:domain-controller]", "00-24",
            "Administration of servers and domain controllers goes through JUMP01");
        Pattern(text, "admins-to-jump-host", "[group:IT Admins]", "[tag:admin-workstation]", "[tag:jump-host]", "00-24",
            "Administrators reach JUMP01 by remote desktop from their admin workstations");
        Pattern(text, "backup", "[svc-backup]", "[name:SRV-BACKUP01]", "[tag:backup-target]", "00-04", "Nightly backups");
        Pattern(text, "patching", "[svc-patch]", "[name:SRV-WSUS01]", "[tag:patch-group]", "00-06", "Patch deployment in the maintenance window");
        Pattern(text, "monitoring", "[svc-monitor]", "[name:SRV-MON01]", "[type:server]", "00-24", "Health checks every six hours");
        Pattern(text, "linux-deployments", "[svc-deploy]", "[name:lnx-build01]", "[name:lnx-web01, name:lnx-web02]", "08-20", "CI deployments over SSH");
        return text.ToString();
    }

    private static void Pattern(StringBuilder text, string name, string users, string from, string to, string hours, string description)
    {
        text.Append("  - name: ").Append(name).Append('\n');
        text.Append("    users: ").Append(users).Append('\n');
        text.Append("    from: ").Append(from).Append('\n');
        text.Append("    to: ").Append(to).Append('\n');
        text.Append("    hours: \"").Append(hours).Append("\"\n");
        text.Append("    description: ").Append(description).Append('\n');
    }
}
