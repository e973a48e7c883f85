using System.Threading.Channels;
using Vigil.Server.Hosting;
using Vigil.Server.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// Where every ingest endpoint and listener hands its batches. Bounded twice: by bytes waiting to be journaled (past the
/// limit a batch is refused as <see cref="IngestOutcome.Busy"/>, HTTP 429) and by events journaled but not yet through
/// detection (<see cref="IngestOutcome.Backlog"/>, HTTP 503). An accepted batch's task completes only once the journal
/// transaction holding it has committed with a full sync, so acknowledging it then is safe.
/// </summary>
internal sealed class IngestQueue
{
    private readonly Channel<PendingBatch> _channel = Channel.CreateUnbounded<PendingBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ServerOptions _options;
    private readonly ServerMetrics _metrics;
    private long _queuedBytes;
    private long _backlogEvents;

    public IngestQueue(ServerOptions options, ServerMetrics metrics)
    {
        _options = options;
        _metrics = metrics;
    }

    /// <summary>Gets the bytes waiting to be journaled.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Gets the events journaled and not yet through detection.</summary>
    public long BacklogEvents => Interlocked.Read(ref _backlogEvents);

    internal ChannelReader<PendingBatch> Reader => _channel.Reader;

    /// <summary>Offers a batch.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The outcome, and for accepted batches the task that completes when it is durable.</returns>
    public (IngestOutcome Outcome, Task<(long Sequence, bool Duplicate)>? Durable) Offer(IncomingBatch batch)
    {
        if (BacklogEvents + batch.EstimatedEvents > _options.MaxBacklogEvents && BacklogEvents > 0)
        {
            _metrics.IngestBatches.WithLabels(batch.Source, "rejected_backlog").Inc();
            return (IngestOutcome.Backlog, null);
        }

        var size = batch.Payload.Length;
        if (Interlocked.Add(ref _queuedBytes, size) > _options.MaxQueuedBytes && QueuedBytes > size)
        {
            Interlocked.Add(ref _queuedBytes, -size);
            _metrics.IngestBatches.WithLabels(batch.Source, "rejected_busy").Inc();
            return (IngestOutcome.Busy, null);
        }

        _metrics.QueuedBytes.Set(QueuedBytes);
        var pending = new PendingBatch(batch, new TaskCompletionSource<(long, bool)>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedBytes, -size);
            return (IngestOutcome.Stopping, null);
        }

        return (IngestOutcome.Accepted, pending.Completion.Task);
    }

    /// <summary>Stops taking batches.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    internal void Journaled(PendingBatch batch, bool duplicate)
    {
        Interlocked.Add(ref _queuedBytes, -batch.Batch.Payload.Length);
        _metrics.QueuedBytes.Set(QueuedBytes);
        if (!duplicate)
        {
            Interlocked.Add(ref _backlogEvents, batch.Batch.EstimatedEvents);
            _metrics.BacklogEvents.Set(BacklogEvents);
        }
    }

    internal void Failed(PendingBatch batch)
    {
        Interlocked.Add(ref _queuedBytes, -batch.Batch.Payload.Length);
        _metrics.QueuedBytes.Set(QueuedBytes);
    }

    internal void Detected(long events)
    {
        var left = Interlocked.Add(ref _backlogEvents, -events);
        if (left < 0)
        {
            Interlocked.CompareExchange(ref _backlogEvents, 0, left);
        }

        _metrics.BacklogEvents.Set(BacklogEvents);
    }

    internal void SetBacklog(long events)
    {
        Interlocked.Exchange(ref _backlogEvents, events);
        _metrics.BacklogEvents.Set(events);
    }
}
