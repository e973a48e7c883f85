using System.Globalization;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>Writes the auth log of Linux servers: sshd logons and sessions, sudo commands.</summary>
internal sealed class LinuxAuthEvents
{
    private const int AuthInfo = 38;
    private const int AuthPrivInfo = 86;
    private const int AuthPrivNotice = 85;
    private readonly EventLog _log;

    /// <summary>Creates the writer.</summary>
    public LinuxAuthEvents(EventLog log) => _log = log;

    /// <summary>An accepted SSH logon and its session start; returns the sshd process id (for the session's end).</summary>
    public int Accepted(long ticks, Host host, string user, string sourceIp, string method = "publickey")
    {
        var pid = _log.Random.Next(1200, 65000);
        var port = _log.Random.Next(49152, 65535);
        var key = method == "publickey" ? ": ED25519 SHA256:" + _log.Random.Token(43) : string.Empty;
        Add(ticks, host, AuthInfo, "sshd", pid, Invariant($"Accepted {method} for {user} from {sourceIp} port {port} ssh2{key}"));
        Add(ticks + 20_000, host, AuthPrivInfo, "sshd", pid, Invariant($"pam_unix(sshd:session): session opened for user {user}(uid={Uid(user)}) by (uid=0)"));
        return pid;
    }

    /// <summary>A failed SSH password.</summary>
    public void Failed(long ticks, Host host, string user, string sourceIp)
    {
        var pid = _log.Random.Next(1200, 65000);
        var port = _log.Random.Next(49152, 65535);
        Add(ticks, host, AuthInfo, "sshd", pid, Invariant($"Failed password for {user} from {sourceIp} port {port} ssh2"));
    }

    /// <summary>The end of an SSH session.</summary>
    public void Closed(long ticks, Host host, string user, int pid)
        => Add(ticks, host, AuthPrivInfo, "sshd", pid, Invariant($"pam_unix(sshd:session): session closed for user {user}"));

    /// <summary>A sudo command.</summary>
    public void Sudo(long ticks, Host host, string user, string command, string runAs = "root")
        => Add(ticks, host, AuthPrivNotice, "sudo", _log.Random.Next(1200, 65000),
            Invariant($"{user} : TTY=pts/{_log.Random.Next(0, 4)} ; PWD=/home/{user} ; USER={runAs} ; COMMAND={command}"));

    /// <summary>A stable uid per user name (1000 and up).</summary>
    private static int Uid(string user) => 1001 + (int)(Randomness.Seeds.Hash(user) % 8000);

    private void Add(long ticks, Host host, int priority, string program, int pid, string message)
        => _log.Add(new SyslogEvent { Ticks = ticks, Priority = priority, Host = host.Name, Program = program, Pid = pid, Message = message });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
