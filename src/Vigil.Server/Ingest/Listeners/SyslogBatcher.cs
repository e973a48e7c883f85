using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Prometheus;
using Vigil.Server.Hosting;
using Vigil.Server.Storage;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>
/// Gathers the syslog messages of one listener into batches of one message per line and offers them to the
/// <see cref="IngestQueue"/>: a batch goes once it holds <see cref="ListenerConstants.MaxBatchMessages"/> messages or
/// <see cref="ListenerConstants.MaxBatchBytes"/> bytes, or <see cref="ListenerConstants.BatchWindow"/> after its first
/// message. A lossy batcher (UDP) drops a refused batch and counts its messages; a lossless one (TCP) waits and offers
/// the same batch again, and waits until each batch is durable, so its bounded message queue fills and the connections
/// feeding it stop reading (the kernel's TCP window then pushes back on the senders).
/// </summary>
internal sealed partial class SyslogBatcher
{
    private readonly Channel<byte[]> _messages;
    private readonly IngestQueue _queue;
    private readonly TimeProvider _time;
    private readonly string _source;
    private readonly bool _lossy;
    private readonly ILogger _logger;
    private readonly Counter.Child _droppedMetric;
    private readonly WarningThrottle _refusalWarning;
    private readonly List<byte[]> _batch = [];
    private long _batchBytes;
    private (IncomingBatch? Batch, Task<(long Sequence, bool Duplicate)>? Durable) _unsent;
    private long _dropped;
    private long _droppedSinceWarning;

    /// <summary>Initializes a new instance of the <see cref="SyslogBatcher"/> class.</summary>
    /// <param name="queue">Where batches go.</param>
    /// <param name="metrics">The server metrics (dropped messages are counted there).</param>
    /// <param name="time">The clock.</param>
    /// <param name="source">The journal source of the batches.</param>
    /// <param name="lossy">Whether a refused batch is dropped (UDP) rather than offered again (TCP).</param>
    /// <param name="logger">The listener's logger.</param>
    public SyslogBatcher(IngestQueue queue, ServerMetrics metrics, TimeProvider time, string source, bool lossy, ILogger logger)
    {
        _queue = queue;
        _time = time;
        _source = source;
        _lossy = lossy;
        _logger = logger;
        _messages = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(ListenerConstants.QueuedMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _droppedMetric = Metrics.WithCustomRegistry(metrics.Registry)
            .CreateCounter("vigil_syslog_dropped_messages_total", "Syslog messages dropped because ingest refused them (UDP cannot push back), by source.", "source")
            .WithLabels(source);
        _refusalWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
    }

    /// <summary>Gets the number of messages dropped (lossy batchers only).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Adds a message without waiting; when the batcher is full the message is dropped and counted.</summary>
    /// <param name="line">The message, one line.</param>
    public void Add(byte[] line)
    {
        if (!_messages.Writer.TryWrite(line))
        {
            CountDropped(1, "the listener's message queue is full");
        }
    }

    /// <summary>Adds a message, waiting while the batcher is full (which is how TCP senders are held back).</summary>
    /// <param name="line">The message, one line.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes once the message is taken.</returns>
    public ValueTask AddAsync(byte[] line, CancellationToken cancellationToken) => _messages.Writer.WriteAsync(line, cancellationToken);

    /// <summary>Batches messages until stopped, then offers what is left once (bounded by <see cref="ListenerConstants.StopFlushTimeout"/>).</summary>
    /// <param name="stoppingToken">Stops the batcher.</param>
    /// <returns>A task that completes when the batcher has stopped.</returns>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var reader = _messages.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var first = _time.GetTimestamp();
                while (!IsFull)
                {
                    if (reader.TryRead(out var line))
                    {
                        Append(line);
                        continue;
                    }

                    var left = ListenerConstants.BatchWindow - _time.GetElapsedTime(first);
                    if (left <= TimeSpan.Zero || !await WaitForMoreAsync(reader, left, stoppingToken))
                    {
                        break;
                    }
                }

                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushOnStopAsync(reader);
        }
    }

    private bool IsFull => _batch.Count >= ListenerConstants.MaxBatchMessages || _batchBytes >= ListenerConstants.MaxBatchBytes;

    private async Task<bool> WaitForMoreAsync(ChannelReader<byte[]> reader, TimeSpan left, CancellationToken stoppingToken)
    {
        using var window = new CancellationTokenSource(left, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, window.Token);
        try
        {
            return await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Append(byte[] line)
    {
        _batch.Add(line);
        _batchBytes += line.Length + 1;
    }

    private IncomingBatch TakeBatch()
    {
        var payload = new byte[_batchBytes];
        var at = 0;
        foreach (var line in _batch)
        {
            line.CopyTo(payload, at);
            at += line.Length;
            payload[at++] = (byte)'\n';
        }

        var batch = new IncomingBatch(_source, ListenerConstants.SyslogFormat, null, _batch.Count, _time.GetUtcNow(), payload);
        _batch.Clear();
        _batchBytes = 0;
        return batch;
    }

    private async Task FlushAsync(CancellationToken stoppingToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var batch = TakeBatch();
        while (true)
        {
            var (outcome, durable) = _queue.Offer(batch);
            if (durable is not null)
            {
                if (_lossy)
                {
                    _ = ObserveAsync(durable, batch.EstimatedEvents);
                    return;
                }

                _unsent = (batch, durable);
                try
                {
                    await durable.WaitAsync(stoppingToken);
                    _unsent = default;
                    return;
                }
                catch (Exception ex) when (ex is SqliteException or IOException || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
                {
                    LogJournalFailed(_logger, ex, _source, batch.EstimatedEvents);
                }
            }
            else if (_lossy || outcome == IngestOutcome.Stopping)
            {
                CountDropped(batch.EstimatedEvents, _lossy ? $"ingest refused the batch ({outcome}) and UDP cannot push back on senders" : "the server is stopping");
                return;
            }
            else if (_refusalWarning.TryEnter())
            {
                LogHeldBack(_logger, _source, outcome);
            }

            _unsent = (batch, null);
            await Task.Delay(ListenerConstants.TcpRetryDelay, _time, stoppingToken);
        }
    }

    private async Task FlushOnStopAsync(ChannelReader<byte[]> reader)
    {
        var pending = new List<Task>();
        if (_unsent.Batch is { } unsent)
        {
            // A lossless batch refused or not yet durable when the stop came: offered once more, or awaited.
            pending.Add(_unsent.Durable is { } accepted ? ObserveAsync(accepted, unsent.EstimatedEvents) : OfferOnceAsync(unsent));
            _unsent = default;
        }

        do
        {
            while (!IsFull && reader.TryRead(out var line))
            {
                Append(line);
            }

            if (_batch.Count == 0)
            {
                break;
            }

            pending.Add(OfferOnceAsync(TakeBatch()));
        }
        while (true);

        try
        {
            await Task.WhenAll(pending).WaitAsync(ListenerConstants.StopFlushTimeout, _time);
        }
        catch (TimeoutException)
        {
            LogStopFlushTimedOut(_logger, _source, ListenerConstants.StopFlushTimeout);
        }
    }

    private Task OfferOnceAsync(IncomingBatch batch)
    {
        var (outcome, durable) = _queue.Offer(batch);
        if (durable is null)
        {
            CountDropped(batch.EstimatedEvents, "the server is stopping and ingest refused the batch: " + outcome);
            return Task.CompletedTask;
        }

        return ObserveAsync(durable, batch.EstimatedEvents);
    }

    private async Task ObserveAsync(Task<(long Sequence, bool Duplicate)> durable, int messages)
    {
        try
        {
            await durable;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or OperationCanceledException)
        {
            CountDropped(messages, "the journal write failed: " + ex.Message);
        }
    }

    private void CountDropped(int messages, string reason)
    {
        Interlocked.Add(ref _dropped, messages);
        _droppedMetric.Inc(messages);
        var since = Interlocked.Add(ref _droppedSinceWarning, messages);
        if (_refusalWarning.TryEnter())
        {
            Interlocked.Add(ref _droppedSinceWarning, -since);
            LogDropped(_logger, _source, since, Dropped, reason);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
        Message = "{Source}: dropped {Count} messages since the last warning ({Total} in all) because {Reason} (this warning shows at most once per 10 s)")]
    private static partial void LogDropped(ILogger logger, string source, long count, long total, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information,
        Message = "{Source}: ingest refused a batch ({Outcome}); reading is paused so TCP pushes back on the senders, and the batch is offered again")]
    private static partial void LogHeldBack(ILogger logger, string source, IngestOutcome outcome);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "{Source}: the journal write of a batch of {Count} messages failed; it is offered again")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, string source, int count);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "{Source}: the last batches were not journaled within {Timeout} of stopping")]
    private static partial void LogStopFlushTimedOut(ILogger logger, string source, TimeSpan timeout);
}
