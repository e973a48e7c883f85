using System.Net;
using System.Net.Sockets;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>Creates the bound sockets of the syslog listeners.</summary>
internal static class SyslogSockets
{
    /// <summary>Creates a socket bound to the syslog address and a port (0 for any free port).</summary>
    /// <param name="address">An IP address (<c>127.0.0.1</c>, <c>0.0.0.0</c>, <c>::</c>...) or <c>localhost</c>.</param>
    /// <param name="port">The port.</param>
    /// <param name="type">Datagram (UDP) or stream (TCP).</param>
    /// <returns>The bound socket; the caller owns it.</returns>
    /// <exception cref="InvalidOperationException">The address is not an IP address.</exception>
    /// <exception cref="SocketException">The port cannot be bound.</exception>
    public static Socket Bind(string address, int port, SocketType type)
    {
        var ip = string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(address, out var parsed) ? parsed
            : throw new InvalidOperationException($"The syslog address '{address}' is not an IP address (for example 127.0.0.1, 0.0.0.0 or ::).");
        var socket = new Socket(ip.AddressFamily, type, type == SocketType.Dgram ? ProtocolType.Udp : ProtocolType.Tcp);
        var unbound = socket;
        try
        {
            if (ip.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(ip, port));
            unbound = null;
            return socket;
        }
        finally
        {
            unbound?.Dispose();
        }
    }

    /// <summary>Gets the port a socket is bound to.</summary>
    /// <param name="socket">The bound socket.</param>
    /// <returns>The port.</returns>
    public static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
