using System.Globalization;
using Vigil.Simulation.Writers;

namespace Vigil.Simulation.Events;

/// <summary>Writes the VPN gateway's CEF logons and logouts.</summary>
internal sealed class VpnEvents
{
    private const string Gateway = "vpn01";
    private readonly EventLog _log;

    /// <summary>Creates the writer.</summary>
    public VpnEvents(EventLog log) => _log = log;

    /// <summary>A VPN logon from a located address.</summary>
    /// <param name="ticks">When.</param>
    /// <param name="user">The name typed (<c>jdoe</c>, <c>CORP\jdoe</c>, <c>jdoe@corp.example</c>).</param>
    /// <param name="sourceIp">The client's public address.</param>
    /// <param name="place">Where the gateway locates the address.</param>
    /// <param name="success">Whether it succeeded.</param>
    public void Logon(long ticks, string user, string sourceIp, VpnPlace place, bool success)
    {
        var outcome = success ? "/Success" : "/Failure";
        var reason = success ? string.Empty : " reason=bad password";
        var extension = Invariant(
            $"cat=/Authentication/Verify outcome={outcome}{reason} duser={Escaping.CefValue(user)} src={sourceIp} slat={place.Latitude:0.0000} slong={place.Longitude:0.0000} sourceGeoCityName={place.City} sourceGeoCountryCode={place.Country} dhost={Gateway} dvchost={Gateway} app=SSL-VPN");
        _log.AddVpn(new CefEvent
        {
            Ticks = ticks,
            Header = success ? "CEF:0|Vigil Sim|SecureGate VPN|4.2|vpn-login|VPN logon|3|" : "CEF:0|Vigil Sim|SecureGate VPN|4.2|vpn-login|VPN logon|5|",
            Extension = extension,
        });
    }

    /// <summary>The end of a VPN session.</summary>
    public void Logout(long ticks, string user, string sourceIp, VpnPlace place, long bytesIn, long bytesOut)
    {
        var extension = Invariant(
            $"cat=/Authentication/Logout outcome=/Success duser={Escaping.CefValue(user)} src={sourceIp} slat={place.Latitude:0.0000} slong={place.Longitude:0.0000} sourceGeoCityName={place.City} sourceGeoCountryCode={place.Country} dhost={Gateway} dvchost={Gateway} app=SSL-VPN in={bytesIn} out={bytesOut}");
        _log.AddVpn(new CefEvent { Ticks = ticks, Header = "CEF:0|Vigil Sim|SecureGate VPN|4.2|vpn-logout|VPN logout|1|", Extension = extension });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
