using System.Globalization;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Events;

/// <summary>Writes Sysmon events: process creation (1) and network connections (3).</summary>
internal sealed class SysmonEvents
{
    /// <summary>The local system account as Sysmon names it.</summary>
    public const string SystemUser = @"NT AUTHORITY\SYSTEM";

    private readonly EventLog _log;
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    /// <summary>Creates the writer.</summary>
    public SysmonEvents(EventLog log) => _log = log;

    /// <summary>
    /// A long-running system process of a host that Sysmon saw start at boot (<c>services.exe</c>, <c>userinit.exe</c>...):
    /// the same GUID and id for a host and image, so that children point to a stable parent.
    /// </summary>
    public static ProcessRef SystemProcess(Host host, string image, string? commandLine = null, string user = SystemUser)
    {
        var hash = Seeds.Hash(host.Name + "|" + image);
        var guid = new Guid((int)(hash >> 32), (short)(hash >> 16), (short)hash, 0x5E, 0x20, 0x66, 0x4D, 0, 0, 0, 0x10)
            .ToString("B", CultureInfo.InvariantCulture).ToUpperInvariant();
        return new ProcessRef(guid, 400 + (int)(hash % 3000 * 4 % 3000), image, commandLine ?? image, user, "0x3e7");
    }

    /// <summary>A process creation (event 1); returns the new process for its children.</summary>
    public ProcessRef ProcessCreate(
        long ticks, Host host, string user, string logonId, string image, string commandLine, ProcessRef parent, string integrity = "Medium",
        string company = "Microsoft Corporation", string? currentDirectory = null)
    {
        var process = new ProcessRef(_log.Random.Guid(), 4 * _log.Random.Next(250, 16000), image, commandLine, user, logonId);
        var originalName = image[(image.LastIndexOf('\\') + 1)..];
        Add(ticks, host, 1,
        [
            new("RuleName", "-"), new("UtcTime", SimTime.Sysmon(ticks)), new("ProcessGuid", process.Guid), new("ProcessId", Number(process.Pid)),
            new("Image", image), new("Company", company), new("OriginalFileName", originalName), new("CommandLine", commandLine),
            new("CurrentDirectory", currentDirectory ?? @"C:\Windows\system32\"), new("User", user), new("LogonId", logonId),
            new("TerminalSessionId", integrity == "System" ? "0" : "1"), new("IntegrityLevel", integrity), new("Hashes", HashOf(image)),
            new("ParentProcessGuid", parent.Guid), new("ParentProcessId", Number(parent.Pid)), new("ParentImage", parent.Image),
            new("ParentCommandLine", parent.CommandLine), new("ParentUser", parent.User),
        ]);
        return process;
    }

    /// <summary>A TCP connection a process made (event 3).</summary>
    public void NetworkConnect(long ticks, Host host, ProcessRef process, string destinationIp, string destinationHost, int destinationPort)
    {
        Add(ticks, host, 3,
        [
            new("RuleName", "-"), new("UtcTime", SimTime.Sysmon(ticks)), new("ProcessGuid", process.Guid), new("ProcessId", Number(process.Pid)),
            new("Image", process.Image), new("User", process.User), new("Protocol", "tcp"), new("Initiated", "true"),
            new("SourceIsIpv6", "false"), new("SourceIp", host.Ip), new("SourceHostname", host.Fqdn),
            new("SourcePort", Number(_log.Random.Next(49152, 65535))), new("SourcePortName", "-"), new("DestinationIsIpv6", "false"),
            new("DestinationIp", destinationIp), new("DestinationHostname", destinationHost), new("DestinationPort", Number(destinationPort)),
            new("DestinationPortName", destinationPort switch { 443 => "https", 445 => "microsoft-ds", 3389 => "ms-wbt-server", _ => "-" }),
        ]);
    }

    private void Add(long ticks, Host host, int eventId, KeyValuePair<string, string>[] data)
        => _log.Add(new WindowsEvent { Ticks = ticks, Channel = WindowsChannel.Sysmon, EventId = eventId, Computer = host.Fqdn, Data = data });

    /// <summary>A stable SHA256 per image path (the same file everywhere), as Sysmon's <c>Hashes</c> field.</summary>
    private string HashOf(string image)
    {
        if (!_hashes.TryGetValue(image, out var hashes))
        {
            var key = image.ToLowerInvariant();
            var text = string.Concat(Enumerable.Range(0, 4).Select(i => Seeds.Hash(key + "#" + i.ToString(CultureInfo.InvariantCulture)).ToString("X16", CultureInfo.InvariantCulture)));
            hashes = "SHA256=" + text;
            _hashes[image] = hashes;
        }

        return hashes;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
