using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Ingest.Listeners;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class SyslogTcpListenerTests
{
    private static async Task<TcpClient> ConnectAsync(SyslogTcpListener listener)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, listener.BoundPort).WaitAsync(TimeSpan.FromSeconds(10));
        return client;
    }

    private static string Frame(string message) => $"{Encoding.UTF8.GetByteCount(message)} {message}";

    private static async Task WriteAsync(TcpClient client, string text)
    {
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(text));
        await client.GetStream().FlushAsync();
    }

    /// <summary>Waits (bounded) until the server closes the connection: a read ends (0 bytes) or fails (reset).</summary>
    private static async Task ShouldBeClosedByServerAsync(TcpClient client)
    {
        var buffer = new byte[16];
        try
        {
            var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            read.ShouldBe(0);
        }
        catch (IOException)
        {
            // Reset by the server: closed as well.
        }
    }

    private static async Task<(ServerHarness Server, SyslogTcpListener Listener)> StartAsync(TestPipeline? pipeline = null, long maxBacklog = 2_000_000)
    {
        var server = await ServerHarness.StartAsync(o => o with { SyslogTcpPort = 0, MaxBacklogEvents = maxBacklog }, pipeline);
        return (server, server.App.Services.GetRequiredService<SyslogTcpListener>());
    }

    [Fact]
    public async Task Receive_OctetCounted_EachMessageIsExactlyOneLine()
    {
        var (server, listener) = await StartAsync();
        await using var _ = server;
        using var client = await ConnectAsync(listener);
        var one = Frame("<13>Jan  1 00:00:00 h app: one");
        await WriteAsync(client, one[..1]);
        await Task.Delay(50);
        await WriteAsync(client, one[1..]);
        await Task.Delay(50);
        await WriteAsync(client, Frame("<13>Jan  1 00:00:01 h app: two") + Frame("<13>Jan  1 00:00:02 h app: thr\nee"));

        var batches = await Eventually.JournalLinesAsync(server, 3);

        Eventually.Lines(batches).ShouldBe(["<13>Jan  1 00:00:00 h app: one", "<13>Jan  1 00:00:01 h app: two", "<13>Jan  1 00:00:02 h app: thr ee"]);
        batches.ShouldAllBe(b => b.Source == "syslog-tcp" && b.Format == "syslog");
    }

    [Fact]
    public async Task Receive_LfFramed_SplitAndCoalescedWritesGiveOneLineEach()
    {
        var (server, listener) = await StartAsync();
        await using var _ = server;
        using var client = await ConnectAsync(listener);
        await WriteAsync(client, "<13>one\n<13>two\r\n<13>thr");
        await Task.Delay(50);
        await WriteAsync(client, "ee\0<13>four\n");

        var batches = await Eventually.JournalLinesAsync(server, 4);

        Eventually.Lines(batches).ShouldBe(["<13>one", "<13>two", "<13>three", "<13>four"]);
    }

    [Fact]
    public async Task Receive_MalformedOctetCount_ClosesThatConnectionOnly()
    {
        var (server, listener) = await StartAsync();
        await using var _ = server;
        using var bad = await ConnectAsync(listener);
        using var good = await ConnectAsync(listener);
        await WriteAsync(good, "<13>before\n");
        await WriteAsync(bad, "12x <13>bad\n");

        await ShouldBeClosedByServerAsync(bad);
        await Eventually.UntilAsync(() => listener.MalformedConnections == 1, "the malformed connection to be counted");
        await WriteAsync(good, "<13>after\n");

        var batches = await Eventually.JournalLinesAsync(server, 2);
        Eventually.Lines(batches).ShouldBe(["<13>before", "<13>after"]);
    }

    [Fact]
    public async Task Receive_IngestRefuses_MessagesAreHeldBackNotDropped()
    {
        var pipeline = new TestPipeline();
        pipeline.Gate.Reset();
        var (server, listener) = await StartAsync(pipeline, maxBacklog: 1);
        await using var _ = server;
        using var client = await ConnectAsync(listener);
        await WriteAsync(client, "<13>first\n");
        await Eventually.JournalLinesAsync(server, 1);

        // Detection is held, so the backlog is at its limit: the next batch is refused and offered again, not dropped.
        await WriteAsync(client, "<13>second\n");
        await Task.Delay(800);
        Eventually.Lines(ServerStore.Open(server.Options.DatabasePath).ReadJournal(0, 100, long.MaxValue)).ShouldBe(["<13>first"]);

        pipeline.Gate.Set();

        Eventually.Lines(await Eventually.JournalLinesAsync(server, 2)).ShouldBe(["<13>first", "<13>second"]);
    }

    [Fact]
    public async Task Receive_IdleConnection_IsClosed()
    {
        var (server, listener) = await StartAsync();
        await using var _ = server;
        listener.IdleTimeout = TimeSpan.FromMilliseconds(300);
        using var client = await ConnectAsync(listener);

        await ShouldBeClosedByServerAsync(client);
        await Eventually.UntilAsync(() => listener.ActiveConnections == 0, "the idle connection to be released");
    }
}
