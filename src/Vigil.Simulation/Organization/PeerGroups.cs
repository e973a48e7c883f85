namespace Vigil.Simulation.Organization;

/// <summary>The peer groups of the simulated organisation, in a fixed order.</summary>
internal static class PeerGroups
{
    /// <summary>Administrators.</summary>
    public const string ItAdmins = "it-admins";

    /// <summary>Radiographers (imaging workstations).</summary>
    public const string Radiographers = "clinical-radiographers";

    private static readonly string[] WebLinux = ["lnx-web01", "lnx-web02", "lnx-app01", "lnx-db01", "lnx-mon01"];

    /// <summary>All peer groups.</summary>
    public static readonly IReadOnlyList<PeerGroup> All =
    [
        new()
        {
            Name = "clinical-nurses", Department = Department.Clinical, Share = 0.55, Schedule = ScheduleKind.DayShift, NightShare = 0.3,
            Apps = [Apps.MedChart, Apps.LabLink, Apps.Outlook, Apps.Edge], Servers = ["EHR01", "LIS01"], WorkstationPrefix = "CLN",
        },
        new()
        {
            Name = "clinical-physicians", Department = Department.Clinical, Share = 0.2, HybridShare = 0.25,
            Apps = [Apps.MedChart, Apps.LabLink, Apps.Outlook, Apps.Word, Apps.Edge], Servers = ["EHR01", "LIS01"], WorkstationPrefix = "CLN",
        },
        new()
        {
            Name = Radiographers, Department = Department.Clinical, Share = 0.12, Minimum = 2, Schedule = ScheduleKind.DayShift,
            Apps = [Apps.PacsView, Apps.MedChart, Apps.Outlook], Servers = ["PACS01", "EHR01"], WorkstationPrefix = "IMG",
        },
        new()
        {
            Name = "clinical-admin", Department = Department.Clinical, Share = 0.13,
            Apps = [Apps.MedChart, Apps.Outlook, Apps.Word, Apps.Excel, Apps.Edge], Servers = ["EHR01"], WorkstationPrefix = "CLN",
        },
        new()
        {
            Name = "finance-analysts", Department = Department.Finance, Share = 0.6, HybridShare = 0.3,
            Apps = [Apps.Outlook, Apps.Excel, Apps.Teams, Apps.Chrome, Apps.Sap, Apps.Acrobat], Servers = ["SRV-FIN-01"],
        },
        new()
        {
            Name = "finance-accountants", Department = Department.Finance, Share = 0.4, HybridShare = 0.2,
            Apps = [Apps.Outlook, Apps.Excel, Apps.Word, Apps.Teams, Apps.Sap, Apps.Edge], Servers = ["SRV-FIN-01"],
        },
        new()
        {
            Name = "sales-reps", Department = Department.Sales, Share = 0.8, RemoteShare = 0.4, HybridShare = 0.3,
            Apps = [Apps.Outlook, Apps.Teams, Apps.Chrome, Apps.Excel, Apps.Word], Servers = ["SRV-CRM-01"],
        },
        new()
        {
            Name = "sales-managers", Department = Department.Sales, Share = 0.2, HybridShare = 0.5,
            Apps = [Apps.Outlook, Apps.Teams, Apps.Excel, Apps.Edge, Apps.Acrobat], Servers = ["SRV-CRM-01"],
        },
        new()
        {
            Name = "hr-partners", Department = Department.HumanResources, Share = 1.0, HybridShare = 0.3,
            Apps = [Apps.Outlook, Apps.Word, Apps.Excel, Apps.Teams, Apps.Edge], Servers = ["SRV-HR-01"],
        },
        new()
        {
            Name = "eng-developers", Department = Department.Engineering, Share = 0.7, RemoteShare = 0.3, HybridShare = 0.4,
            CloudShare = 0.5, LinuxShare = 0.4, Groups = ["Developers"],
            Apps = [Apps.Code, Apps.VisualStudio, Apps.PowerShell, Apps.Teams, Apps.Chrome, Apps.Outlook],
            Servers = ["SRV-GIT01", "SRV-BUILD01"], LinuxServers = ["lnx-build01", "lnx-app01"],
        },
        new()
        {
            Name = "eng-sre", Department = Department.Engineering, Share = 0.3, RemoteShare = 0.3, HybridShare = 0.4,
            CloudShare = 1.0, LinuxShare = 1.0, Groups = ["Developers", "AWS PowerUsers"],
            Apps = [Apps.Code, Apps.PowerShell, Apps.Putty, Apps.Teams, Apps.Chrome, Apps.Outlook],
            Servers = ["SRV-GIT01"], LinuxServers = WebLinux,
        },
        new()
        {
            Name = "it-helpdesk", Department = Department.It, Share = 0.55, Groups = ["Helpdesk", "Account Operators"],
            Apps = [Apps.Outlook, Apps.Teams, Apps.Edge, Apps.Mmc, Apps.PowerShell], Servers = ["SRV-IT-01"],
        },
        new()
        {
            Name = ItAdmins, Department = Department.It, Share = 0.45, Minimum = 3, HybridShare = 0.3, CloudShare = 0.5, LinuxShare = 1.0,
            Admin = true, Groups = ["IT Admins"],
            Apps = [Apps.Outlook, Apps.Teams, Apps.Edge, Apps.Mstsc, Apps.PowerShell, Apps.Putty], Servers = ["SRV-IT-01"],
            LinuxServers = WebLinux,
        },
    ];
}
