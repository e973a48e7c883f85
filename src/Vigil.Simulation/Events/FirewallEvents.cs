using System.Globalization;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>Writes the edge firewall's CEF flow records (one per host, destination and reporting interval).</summary>
internal sealed class FirewallEvents
{
    private const string Header = "CEF:0|Vigil Sim|EdgeWall|9.1|traffic|Outbound traffic|1|";
    private readonly EventLog _log;

    /// <summary>Creates the writer.</summary>
    public FirewallEvents(EventLog log) => _log = log;

    /// <summary>Traffic from a host to an external address over an interval, reported at its end.</summary>
    public void Flow(long ticks, Host source, string destinationIp, int port, long bytesOut, long bytesIn, string action = "allow")
    {
        var extension = string.Create(
            CultureInfo.InvariantCulture,
            $"src={source.Ip} shost={source.Name} dst={destinationIp} dpt={port} proto=TCP act={action} out={bytesOut} in={bytesIn} dvchost=fw01");
        _log.AddFirewall(new CefEvent { Ticks = ticks, Header = Header, Extension = extension });
    }
}
