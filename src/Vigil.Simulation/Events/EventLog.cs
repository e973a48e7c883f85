using Vigil.Simulation.Randomness;
using Vigil.Simulation.Scenarios;
using Vigil.Simulation.Writers;

namespace Vigil.Simulation.Events;

/// <summary>
/// The six log files of a run, behind time-ordering buffers. Every event gets a generation sequence number (ties in time
/// keep generation order) and counts towards the scenario being attributed, if any.
/// </summary>
internal sealed class EventLog : IDisposable
{
    private readonly OrderedEventBuffer<WindowsEvent> _security;
    private readonly OrderedEventBuffer<WindowsEvent> _sysmon;
    private readonly OrderedEventBuffer<SyslogEvent> _auth;
    private readonly OrderedEventBuffer<CefEvent> _vpn;
    private readonly OrderedEventBuffer<CefEvent> _firewall;
    private readonly OrderedEventBuffer<CloudTrailEvent> _cloudTrail;
    private long _sequence;

    /// <summary>Opens the log files under <paramref name="outputDirectory"/> (<c>logs/</c>).</summary>
    /// <param name="outputDirectory">The run's output folder.</param>
    /// <param name="random">The generator of incidental values (logon ids, process ids, ports, GUIDs).</param>
    public EventLog(string outputDirectory, SimRandom random)
    {
        Random = random;
        var logs = Path.Combine(outputDirectory, "logs");
        Directory.CreateDirectory(logs);
        _security = new(new WindowsXmlWriter(Path.Combine(logs, "windows-security.xml")));
        _sysmon = new(new WindowsXmlWriter(Path.Combine(logs, "sysmon.xml")));
        _auth = new(new SyslogWriter(Path.Combine(logs, "linux-auth.log")));
        _vpn = new(new CefWriter(Path.Combine(logs, "vpn.cef")));
        _firewall = new(new CefWriter(Path.Combine(logs, "firewall.cef")));
        _cloudTrail = new(new CloudTrailWriter(Path.Combine(logs, "cloudtrail.json")));
    }

    /// <summary>Gets the generator of incidental values.</summary>
    public SimRandom Random { get; }

    /// <summary>Gets or sets the scenario the events logged now belong to, or null.</summary>
    public ScenarioRecord? Scenario { get; set; }

    /// <summary>Attributes the events logged until the returned scope ends to <paramref name="record"/>.</summary>
    public ScenarioScope Attribute(ScenarioRecord? record) => new(this, record);

    /// <summary>Logs a Windows event.</summary>
    public void Add(WindowsEvent item) => Add(item.Channel == WindowsChannel.Security ? _security : _sysmon, item);

    /// <summary>Logs a syslog line.</summary>
    public void Add(SyslogEvent item) => Add(_auth, item);

    /// <summary>Logs a VPN line.</summary>
    public void AddVpn(CefEvent item) => Add(_vpn, item);

    /// <summary>Logs a firewall line.</summary>
    public void AddFirewall(CefEvent item) => Add(_firewall, item);

    /// <summary>Logs a CloudTrail record.</summary>
    public void Add(CloudTrailEvent item) => Add(_cloudTrail, item);

    /// <summary>Writes every event before <paramref name="ticks"/>.</summary>
    public void FlushBefore(long ticks)
    {
        _security.FlushBefore(ticks);
        _sysmon.FlushBefore(ticks);
        _auth.FlushBefore(ticks);
        _vpn.FlushBefore(ticks);
        _firewall.FlushBefore(ticks);
        _cloudTrail.FlushBefore(ticks);
    }

    /// <summary>Writes every pending event and closes the files' wrappers.</summary>
    /// <returns>The number of events written per file, in <see cref="SimulationConstants.LogFiles"/> order.</returns>
    public IReadOnlyList<long> Complete()
    {
        _security.Complete();
        _sysmon.Complete();
        _auth.Complete();
        _vpn.Complete();
        _firewall.Complete();
        _cloudTrail.Complete();
        return [_security.Writer.Count, _sysmon.Writer.Count, _auth.Writer.Count, _vpn.Writer.Count, _firewall.Writer.Count, _cloudTrail.Writer.Count];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _security.Writer.Dispose();
        _sysmon.Writer.Dispose();
        _auth.Writer.Dispose();
        _vpn.Writer.Dispose();
        _firewall.Writer.Dispose();
        _cloudTrail.Writer.Dispose();
    }

    private void Add<T>(OrderedEventBuffer<T> buffer, T item)
        where T : TimedEvent
    {
        item.Sequence = _sequence++;
        buffer.Add(item);
        Scenario?.Observe(item.Ticks);
    }
}
