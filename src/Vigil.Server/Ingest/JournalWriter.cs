using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;
using Vigil.Server.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// Writes queued batches to the journal, many per transaction (group commit), and completes each sender's task once the
/// transaction is durable. A failed write fails the tasks of that group (their senders get an error and retry) and the
/// writer goes on with the next.
/// </summary>
internal sealed partial class JournalWriter(IngestQueue queue, ServerStore store, ServerMetrics metrics, DetectionSignal signal, ILogger<JournalWriter> logger)
    : BackgroundService
{
    private const int MaxGroupBatches = 512;
    private const long MaxGroupBytes = 16L << 20;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingBatch>();
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                long bytes = 0;
                while (group.Count < MaxGroupBatches && bytes < MaxGroupBytes && reader.TryRead(out var pending))
                {
                    group.Add(pending);
                    bytes += pending.Batch.Payload.Length;
                }

                Write(group);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued was never acknowledged; its senders see the connection close and retry.
            Drain(reader);
        }
    }

    private void Write(List<PendingBatch> group)
    {
        IReadOnlyList<(long Sequence, bool Duplicate)> results;
        try
        {
            results = store.AppendJournal([.. group.Select(p => p.Batch)]);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogWriteFailed(logger, ex, group.Count);
            foreach (var pending in group)
            {
                queue.Failed(pending);
                pending.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            var pending = group[i];
            queue.Journaled(pending, results[i].Duplicate);
            metrics.IngestBatches.WithLabels(pending.Batch.Source, results[i].Duplicate ? "duplicate" : "accepted").Inc();
            if (!results[i].Duplicate)
            {
                metrics.IngestEvents.WithLabels(pending.Batch.Source).Inc(pending.Batch.EstimatedEvents);
            }

            pending.Completion.TrySetResult(results[i]);
        }

        signal.Notify();
    }

    private void Drain(System.Threading.Channels.ChannelReader<PendingBatch> reader)
    {
        while (reader.TryRead(out var pending))
        {
            queue.Failed(pending);
            pending.Completion.TrySetCanceled();
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Journal write of {Count} batches failed; their senders get an error and should retry")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
