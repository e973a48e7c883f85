using System.Globalization;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>Writes Windows Security events (logons, failures, privileges, account and group changes).</summary>
internal sealed class SecurityEvents
{
    /// <summary>Wrong password.</summary>
    public const string BadPassword = "0xc000006a";

    /// <summary>No such user.</summary>
    public const string NoSuchUser = "0xc0000064";

    private const string Privileges = "SeSecurityPrivilege\n\t\t\tSeBackupPrivilege\n\t\t\tSeRestorePrivilege\n\t\t\tSeTakeOwnershipPrivilege"
        + "\n\t\t\tSeDebugPrivilege\n\t\t\tSeSystemEnvironmentPrivilege\n\t\t\tSeLoadDriverPrivilege\n\t\t\tSeImpersonatePrivilege";

    private readonly EventLog _log;

    /// <summary>Creates the writer.</summary>
    public SecurityEvents(EventLog log) => _log = log;

    /// <summary>A successful logon (4624), logged on <paramref name="target"/>; returns the new logon id.</summary>
    /// <param name="ticks">When.</param>
    /// <param name="target">The host logged on to (it logs the event).</param>
    /// <param name="account">The account.</param>
    /// <param name="logonType">2 interactive, 3 network, 5 service, 7 unlock, 10 remote interactive, 11 cached.</param>
    /// <param name="source">The host the logon comes from (null: local).</param>
    /// <param name="sourceIp">The source address when it is not <paramref name="source"/>'s.</param>
    public string Logon(long ticks, Host target, Account account, int logonType, Host? source = null, string? sourceIp = null)
    {
        var logonId = NewLogonId();
        var (subjectSid, subjectName, subjectDomain, subjectLogon) = Subject(target, logonType);
        var (process, package, processId, processName) = Process(logonType);
        var (workstation, ip, port) = Source(target, logonType, source, sourceIp);
        Add(ticks, target, 4624,
        [
            new("SubjectUserSid", subjectSid), new("SubjectUserName", subjectName), new("SubjectDomainName", subjectDomain),
            new("SubjectLogonId", subjectLogon), new("TargetUserSid", account.Sid), new("TargetUserName", account.Name),
            new("TargetDomainName", account.Domain.NetBios), new("TargetLogonId", logonId), new("LogonType", Number(logonType)),
            new("LogonProcessName", process), new("AuthenticationPackageName", package), new("WorkstationName", workstation),
            new("LogonGuid", logonType == 3 ? _log.Random.Guid() : "{00000000-0000-0000-0000-000000000000}"),
            new("ProcessId", processId), new("ProcessName", processName), new("IpAddress", ip), new("IpPort", port),
            new("ImpersonationLevel", "%%1833"), new("ElevatedToken", logonType is 3 or 5 or 10 ? "%%1842" : "%%1843"),
        ]);
        return logonId;
    }

    /// <summary>A failed logon (4625): status 0xC000006D with <paramref name="subStatus"/>.</summary>
    public void FailedLogon(long ticks, Host target, string accountName, string domain, int logonType, string subStatus, Host? source = null, string? sourceIp = null)
    {
        var (subjectSid, subjectName, subjectDomain, subjectLogon) = Subject(target, logonType);
        var network = logonType == 3;
        var (_, _, processId, processName) = Process(logonType);
        var (workstation, ip, port) = Source(target, logonType, source, sourceIp);
        Add(ticks, target, 4625,
        [
            new("SubjectUserSid", subjectSid), new("SubjectUserName", subjectName), new("SubjectDomainName", subjectDomain),
            new("SubjectLogonId", subjectLogon), new("TargetUserSid", "S-1-0-0"), new("TargetUserName", accountName),
            new("TargetDomainName", domain), new("Status", "0xc000006d"), new("FailureReason", "%%2313"), new("SubStatus", subStatus),
            new("LogonType", Number(logonType)), new("LogonProcessName", network ? "NtLmSsp " : "User32 "),
            new("AuthenticationPackageName", network ? "NTLM" : "Negotiate"), new("WorkstationName", workstation),
            new("ProcessId", processId), new("ProcessName", processName), new("IpAddress", ip), new("IpPort", port),
        ]);
    }

    /// <summary>A logoff (4634).</summary>
    public void Logoff(long ticks, Host target, Account account, string logonId, int logonType) => Add(ticks, target, 4634,
    [
        new("TargetUserSid", account.Sid), new("TargetUserName", account.Name), new("TargetDomainName", account.Domain.NetBios),
        new("TargetLogonId", logonId), new("LogonType", Number(logonType)),
    ]);

    /// <summary>Special privileges assigned to a new logon (4672), right after an administrator's logon.</summary>
    public void SpecialPrivileges(long ticks, Host target, Account account, string logonId) => Add(ticks, target, 4672,
    [
        new("SubjectUserSid", account.Sid), new("SubjectUserName", account.Name), new("SubjectDomainName", account.Domain.NetBios),
        new("SubjectLogonId", logonId), new("PrivilegeList", Privileges),
    ]);

    /// <summary>A user account created (4720), logged by a domain controller.</summary>
    public void UserCreated(long ticks, Host dc, Account subject, string subjectLogonId, Account created, string displayName, string upn) => Add(ticks, dc, 4720,
    [
        new("TargetUserName", created.Name), new("TargetDomainName", created.Domain.NetBios), new("TargetSid", created.Sid),
        new("SubjectUserSid", subject.Sid), new("SubjectUserName", subject.Name), new("SubjectDomainName", subject.Domain.NetBios),
        new("SubjectLogonId", subjectLogonId), new("PrivilegeList", "-"), new("SamAccountName", created.Name), new("DisplayName", displayName),
        new("UserPrincipalName", upn), new("HomeDirectory", "%%1793"), new("PasswordLastSet", "%%1794"), new("AccountExpires", "%%1794"),
        new("PrimaryGroupId", "513"), new("OldUacValue", "0x0"), new("NewUacValue", "0x15"),
        new("UserAccountControl", "\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084"),
    ]);

    /// <summary>
    /// A member added to a group, logged by a domain controller: 4728 for a global group (<c>Domain Admins</c>), 4732
    /// for a local or built-in one (<c>Administrators</c>).
    /// </summary>
    public void MemberAdded(long ticks, Host dc, Account subject, string subjectLogonId, Account member, string group, bool builtin)
    {
        var (groupDomain, groupSid) = builtin ? ("Builtin", "S-1-5-32-544")
            : (member.Domain.NetBios, group == "Domain Admins" ? member.Domain.Sid(512) : member.Domain.Sid(1100 + (int)(Randomness.Seeds.Hash(group) % 300)));
        Add(ticks, dc, builtin ? 4732 : 4728,
        [
            new("MemberName", member.DistinguishedName), new("MemberSid", member.Sid), new("TargetUserName", group),
            new("TargetDomainName", groupDomain), new("TargetSid", groupSid), new("SubjectUserSid", subject.Sid),
            new("SubjectUserName", subject.Name), new("SubjectDomainName", subject.Domain.NetBios), new("SubjectLogonId", subjectLogonId),
            new("PrivilegeList", "-"),
        ]);
    }

    /// <summary>A new logon id (<c>0x1a2b3c4</c>).</summary>
    public string NewLogonId() => "0x" + _log.Random.NextLong(0x100000, 0x7FFFFFFF).ToString("x", CultureInfo.InvariantCulture);

    private void Add(long ticks, Host host, int eventId, KeyValuePair<string, string>[] data)
        => _log.Add(new WindowsEvent { Ticks = ticks, Channel = WindowsChannel.Security, EventId = eventId, Computer = host.Fqdn, Data = data });

    /// <summary>Who reports the logon: the machine (interactive and remote interactive), nobody (network).</summary>
    private static (string Sid, string Name, string Domain, string LogonId) Subject(Host target, int logonType) => logonType switch
    {
        3 => ("S-1-0-0", "-", "-", "0x0"),
        _ => ("S-1-5-18", target.Name.ToUpperInvariant() + "$", target.Domain.NetBios, "0x3e7"),
    };

    private static (string Process, string Package, string ProcessId, string ProcessName) Process(int logonType) => logonType switch
    {
        3 => ("Kerberos", "Kerberos", "0x0", "-"),
        5 => ("Advapi  ", "Negotiate", "0x2a8", @"C:\Windows\System32\services.exe"),
        _ => ("User32 ", "Negotiate", "0x3c4", @"C:\Windows\System32\svchost.exe"),
    };

    private (string Workstation, string Ip, string Port) Source(Host target, int logonType, Host? source, string? sourceIp)
    {
        if (logonType == 5)
        {
            return ("-", "-", "-");
        }

        if (source is null && sourceIp is null)
        {
            return (target.Name.ToUpperInvariant(), "127.0.0.1", "0");
        }

        var port = Number(_log.Random.Next(49152, 65535));
        return (source?.Name.ToUpperInvariant() ?? "-", sourceIp ?? source!.Ip, port);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
