using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Ingest.Listeners;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class SyslogUdpListenerTests
{
    private static async Task SendAsync(UdpClient udp, int port, string datagram)
        => await udp.SendAsync(Encoding.UTF8.GetBytes(datagram), new IPEndPoint(IPAddress.Loopback, port));

    [Fact]
    public async Task Receive_Datagrams_AreJournaledOneLineEachAsSyslogUdp()
    {
        await using var server = await ServerHarness.StartAsync(o => o with { SyslogUdpPort = 0 });
        var listener = server.App.Services.GetRequiredService<SyslogUdpListener>();
        listener.BoundPort.ShouldBeGreaterThan(0);
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await SendAsync(udp, listener.BoundPort, "<13>Jan  1 00:00:00 host app: one\n");
        await SendAsync(udp, listener.BoundPort, "<13>Jan  1 00:00:01 host app: two\r\n\0");
        await SendAsync(udp, listener.BoundPort, "<13>Jan  1 00:00:02 host app: three\nstill three");

        var batches = await Eventually.JournalLinesAsync(server, 3);

        Eventually.Lines(batches).ShouldBe(
            ["<13>Jan  1 00:00:00 host app: one", "<13>Jan  1 00:00:01 host app: two", "<13>Jan  1 00:00:02 host app: three still three"]);
        batches.ShouldAllBe(b => b.Source == "syslog-udp" && b.Format == "syslog");
        listener.Received.ShouldBe(3);
        listener.Dropped.ShouldBe(0);
    }

    [Fact]
    public async Task Receive_IngestRefuses_DropsAndCountsInsteadOfBlocking()
    {
        var pipeline = new TestPipeline();
        pipeline.Gate.Reset();
        await using var server = await ServerHarness.StartAsync(o => o with { SyslogUdpPort = 0, MaxBacklogEvents = 1 }, pipeline);
        var listener = server.App.Services.GetRequiredService<SyslogUdpListener>();
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await SendAsync(udp, listener.BoundPort, "<13>first");
        await Eventually.JournalLinesAsync(server, 1);

        // Detection is held, so the backlog (1 event) is at its limit and the next batch is refused.
        await SendAsync(udp, listener.BoundPort, "<13>second");
        await Eventually.UntilAsync(() => listener.Dropped == 1, "the refused message to be counted as dropped");

        Eventually.Lines(ServerStore.Open(server.Options.DatabasePath).ReadJournal(0, 100, long.MaxValue)).ShouldBe(["<13>first"]);
        pipeline.Gate.Set();
    }
}
