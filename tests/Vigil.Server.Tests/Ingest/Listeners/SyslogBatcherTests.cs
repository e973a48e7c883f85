using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest.Listeners;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class SyslogBatcherTests
{
    private static ServerOptions Options => new() { DatabasePath = "unused.db" };

    [Fact]
    public async Task RunAsync_MoreThanAThousandMessages_FlushesAtTheCountThenAfterTheWindow()
    {
        await using var drain = new QueueDrain(Options);
        var batcher = new SyslogBatcher(drain.Queue, new ServerMetrics(), TimeProvider.System, "syslog-tcp", lossy: false, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = batcher.RunAsync(stop.Token);
        for (var i = 0; i < 1_500; i++)
        {
            await batcher.AddAsync(Encoding.UTF8.GetBytes($"<13>message {i}"), CancellationToken.None);
        }

        await Eventually.UntilAsync(() => drain.Batches.Count == 2, "two batches");
        drain.Batches.Select(b => b.EstimatedEvents).ShouldBe([1_000, 500]);
        drain.Batches.ShouldAllBe(b => b.Source == "syslog-tcp" && b.Format == "syslog" && b.IdempotencyKey == null);
        var lines = drain.Batches.SelectMany(b => Encoding.UTF8.GetString(b.Payload.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        lines.Count.ShouldBe(1_500);
        lines[1_499].ShouldBe("<13>message 1499");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_LossyAndRefused_CountsDroppedMessages()
    {
        await using var drain = new QueueDrain(Options with { MaxBacklogEvents = 1 });
        drain.Queue.SetBacklog(5);
        var batcher = new SyslogBatcher(drain.Queue, new ServerMetrics(), TimeProvider.System, "syslog-udp", lossy: true, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = batcher.RunAsync(stop.Token);
        batcher.Add("<13>a"u8.ToArray());
        batcher.Add("<13>b"u8.ToArray());

        await Eventually.UntilAsync(() => batcher.Dropped == 2, "two dropped messages");
        drain.Batches.ShouldBeEmpty();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_LosslessAndRefused_OffersTheSameBatchAgainUntilAccepted()
    {
        await using var drain = new QueueDrain(Options with { MaxBacklogEvents = 1 });
        drain.Queue.SetBacklog(5);
        var batcher = new SyslogBatcher(drain.Queue, new ServerMetrics(), TimeProvider.System, "syslog-tcp", lossy: false, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = batcher.RunAsync(stop.Token);
        await batcher.AddAsync("<13>held"u8.ToArray(), CancellationToken.None);
        await Task.Delay(600);
        drain.Batches.ShouldBeEmpty();

        drain.Queue.SetBacklog(0);

        await Eventually.UntilAsync(() => drain.Batches.Count == 1, "the held batch to be accepted");
        batcher.Dropped.ShouldBe(0);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
