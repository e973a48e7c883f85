using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Server.Feedback;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest;
using Vigil.Server.Storage;

namespace Vigil.Server.Pipeline;

/// <summary>
/// Runs journaled batches through the detection pipeline in order and commits the alerts with the cursor in one
/// transaction. After a crash it starts again from the committed cursor: batches whose alerts were committed are not
/// read again, and a batch read again raises alerts with the same ids, which the store skips. A batch that makes the
/// pipeline throw is retried alone, then reported and skipped, so one poison batch cannot stop detection.
/// </summary>
internal sealed partial class DetectionWorker(
    IDetectionPipeline pipeline, ServerStore store, IngestQueue queue, DetectionSignal signal, IAlertScorer scorer, ServerOptions options,
    ServerMetrics metrics, ILogger<DetectionWorker> logger, Response.ResponseWorker? responder = null) : BackgroundService
{
    private const int MaxBatchesPerStep = 256;
    private const int MaxErrorsLogged = 20;

    private readonly Incidents.AlertThrottle _throttle = new();
    private long _nextTick;
    private long _nextPrune;

    /// <summary>Gets the number of steps committed, for tests and status.</summary>
    public long Steps { get; private set; }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task Run(CancellationToken stoppingToken)
    {
        var cursor = store.GetCursor(ServerStore.DetectionCursor);
        queue.SetBacklog(store.JournalFigures().PendingEvents);
        LogStarted(logger, cursor, pipeline.Description);
        if (cursor > 0 && options.ReplayOnStart > TimeSpan.Zero)
        {
            Replay(cursor, stoppingToken);
        }

        _nextTick = Environment.TickCount64 + (long)options.ModelTickInterval.TotalMilliseconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batches = store.ReadJournal(cursor, MaxBatchesPerStep, options.DetectionStepEvents);
                if (batches.Count > 0)
                {
                    cursor = Step(batches, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(250), stoppingToken);
                }

                if (Environment.TickCount64 >= _nextTick)
                {
                    Tick(stoppingToken);
                }

                if (Environment.TickCount64 >= _nextPrune)
                {
                    Prune();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                LogStoreFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Runs recent, already detected batches again (without moving the cursor) to rebuild in-memory detection state lost
    /// with the previous process: correlation windows and behavioural observations. Alerts raised again are skipped by id;
    /// ones the previous process never got to commit (a correlation whose window closed after the crash) are stored.
    /// </summary>
    private void Replay(long cursor, CancellationToken cancellationToken)
    {
        var position = store.ReplayFrom(cursor, options.ReplayOnStart);
        long batches = 0;
        while (position < cursor && !cancellationToken.IsCancellationRequested)
        {
            var step = store.ReadJournal(position, MaxBatchesPerStep, options.DetectionStepEvents).Where(b => b.Sequence <= cursor).ToList();
            if (step.Count == 0)
            {
                break;
            }

            PipelineOutput output;
            try
            {
                output = pipeline.Process(step, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, ex, step[0].Sequence, step[0].Source);
                output = PipelineOutput.Empty;
            }

            Commit(null, output with { Errors = [] }, step.Min(b => b.ReceivedAt));
            batches += step.Count;
            position = step[^1].Sequence;
        }

        LogReplayed(logger, batches, options.ReplayOnStart.TotalMinutes);
    }

    /// <summary>Empties journal payloads past their retention (every 10 minutes); a failure is logged and tried again later.</summary>
    private void Prune()
    {
        _nextPrune = Environment.TickCount64 + (long)TimeSpan.FromMinutes(10).TotalMilliseconds;
        var retention = options.JournalRetention > options.ReplayOnStart ? options.JournalRetention : options.ReplayOnStart;
        var (batches, bytes) = store.PruneJournal(store.Time.GetUtcNow() - retention);
        if (batches > 0)
        {
            LogPruned(logger, batches, bytes, retention.TotalDays);
        }
    }

    private long Step(IReadOnlyList<JournalBatch> batches, CancellationToken cancellationToken)
    {
        PipelineOutput output;
        try
        {
            output = pipeline.Process(batches, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (batches.Count > 1)
            {
                // Find the poison batch: commit the ones before it, then come back for the rest.
                var first = batches[0];
                return Step([first], cancellationToken);
            }

            LogBatchFailed(logger, ex, batches[0].Sequence, batches[0].Source);
            metrics.PipelineErrors.Inc();
            output = PipelineOutput.Empty;
        }

        var last = batches[^1];
        var earliest = batches.Min(b => b.ReceivedAt);
        Commit(last.Sequence, output, earliest);
        var now = store.Time.GetUtcNow();
        foreach (var batch in batches)
        {
            metrics.IngestToDetection.Observe((now - batch.ReceivedAt).TotalSeconds);
        }

        queue.Detected(output.Events);
        metrics.DetectedEvents.Inc(output.Events);
        return last.Sequence;
    }

    private void Tick(CancellationToken cancellationToken)
    {
        _nextTick = Environment.TickCount64 + (long)options.ModelTickInterval.TotalMilliseconds;
        PipelineOutput output;
        try
        {
            output = pipeline.Tick(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTickFailed(logger, ex);
            metrics.PipelineErrors.Inc();
            return;
        }

        if (output.Alerts.Count > 0 || output.Errors.Count > 0)
        {
            Commit(null, output, store.Time.GetUtcNow());
        }
    }

    private void Commit(long? cursor, PipelineOutput output, DateTimeOffset receivedAt)
    {
        for (var i = 0; i < output.Errors.Count; i++)
        {
            if (i < MaxErrorsLogged)
            {
                LogRecordError(logger, output.Errors[i]);
            }
        }

        if (output.Errors.Count > MaxErrorsLogged)
        {
            LogMoreErrors(logger, output.Errors.Count - MaxErrorsLogged);
        }

        metrics.PipelineErrors.Inc(output.Errors.Count);
        var scored = new List<ScoredAlert>(output.Alerts.Count);
        foreach (var alert in output.Alerts)
        {
            var (confidence, source, triage) = scorer.Score(alert);
            scored.Add(new ScoredAlert(alert, receivedAt, confidence, source, triage));
        }

        var commit = store.CommitDetections(cursor, scored, options.Incidents, _throttle);
        foreach (var alert in commit.New)
        {
            // Committed first, then handed to response: an alert is never acted on without being stored.
            responder?.Enqueue(alert, CancellationToken.None);
        }

        Steps++;
        var now = store.Time.GetUtcNow();
        // Every alert the pipeline raised is decided here (stored, counted as a repeat, or already stored): that is when
        // an analyst can see it. Its receipt time is that of the step's oldest batch, so the figure errs on the slow side.
        foreach (var alert in scored)
        {
            metrics.IngestToAlert.Observe((now - alert.ReceivedAt).TotalSeconds);
        }

        metrics.Alerts.WithLabels("new").Inc(commit.Stored.Count - commit.Suppressed);
        metrics.Alerts.WithLabels("suppressed").Inc(commit.Suppressed);
        metrics.Alerts.WithLabels("throttled").Inc(commit.Throttled);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Detection starts after journal batch {Cursor}: {Pipeline}")]
    private static partial void LogStarted(ILogger logger, long cursor, string pipeline);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Journal retention: emptied {Batches} batches ({Bytes} bytes) received more than {Days} days ago and already detected")]
    private static partial void LogPruned(ILogger logger, long batches, long bytes, double days);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Replayed {Batches} journal batches (the last {Minutes} minutes before the cursor) to rebuild correlation windows and model observations")]
    private static partial void LogReplayed(ILogger logger, long batches, double minutes);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Journal batch {Sequence} from {Source} made the pipeline fail; it is skipped and the rest goes on")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, long sequence, string source);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Malformed input: {Error}")]
    private static partial void LogRecordError(ILogger logger, string error);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "{Count} more malformed records in this step (see vigil_pipeline_errors_total)")]
    private static partial void LogMoreErrors(ILogger logger, int count);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "The store failed during detection; retrying in 1 s from the committed cursor")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "The behavioural model tick failed; it runs again at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
