using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Core.Events;
using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Hunting;

/// <summary>
/// Streams events from sources through the engine on every core and hands hits to a sink. One thread splits inputs
/// into batches (bounded queue, so memory does not grow with the input); worker threads parse and match batches.
/// </summary>
public sealed class HuntRunner
{
    private const int HitFlushThreshold = 256;

    private readonly DetectionEngine _engine;
    private readonly HuntOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="engine">The compiled rules.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public HuntRunner(DetectionEngine engine, HuntOptions? options = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _options = options ?? new HuntOptions();
    }

    /// <summary>Hunts every source; unreadable inputs and malformed records go to <paramref name="errors"/> and the rest goes on.</summary>
    /// <param name="sources">The inputs.</param>
    /// <param name="sink">Receives hits (calls are serialised).</param>
    /// <param name="errors">Receives read errors (thread-safe).</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <param name="cancellationToken">Cancels the hunt.</param>
    /// <returns>What the hunt did.</returns>
    public HuntStatistics Run(
        IEnumerable<IEventSource> sources, IHitSink sink, IReadErrorSink errors, IProgress<HuntProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(errors);
        var stopwatch = Stopwatch.StartNew();
        var timeoutsBefore = DetectionEngine.RegexTimeouts;
        var fallbacksBefore = DetectionEngine.RegexFallbacks;
        var state = new RunState(_engine, sink, new CountingErrors(errors), _engine.CreateCorrelationEngine())
        {
            InspectorFactory = _options.InspectorFactory,
        };
        var workers = Math.Max(1, _options.DegreeOfParallelism);
        using var queue = new BlockingCollection<(string Source, EventBatch Batch)>(workers * 2);
        var threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            threads[i] = new Thread(() => Work(queue, state, cancellationToken)) { IsBackground = true, Name = $"vigil-hunt-{i}" };
            threads[i].Start();
        }

        try
        {
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    foreach (var batch in source.ReadBatches(state.Errors, cancellationToken))
                    {
                        queue.Add((source.Name, batch), cancellationToken);
                        Interlocked.Add(ref state.Bytes, batch.ByteCount);
                        progress?.Report(new HuntProgress(Interlocked.Read(ref state.Events), Interlocked.Read(ref state.Bytes), Interlocked.Read(ref state.Hits)));
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    state.Errors.OnError(new ReadError(source.Name, 0, $"cannot read: {ex.Message}"));
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        if (state.Failure is not null)
        {
            throw new InvalidOperationException("a hunt worker failed", state.Failure);
        }

        if (state.Correlations is not null)
        {
            foreach (var match in state.Correlations.Complete())
            {
                state.EmitCorrelation(match);
            }
        }

        progress?.Report(new HuntProgress(state.Events, state.Bytes, state.Hits));
        var correlations = state.Correlations;
        return new HuntStatistics(state.Events, state.Bytes, state.Hits, state.Errors.Count, stopwatch.Elapsed)
        {
            RegexTimeouts = DetectionEngine.RegexTimeouts - timeoutsBefore,
            RegexFallbacks = DetectionEngine.RegexFallbacks - fallbacksBefore,
            CorrelationSkipped = correlations is null ? 0
                : correlations.UnknownTimeEventCount + correlations.LateEventCount + correlations.MissingGroupFieldCount
                  + correlations.MissingValueFieldCount + correlations.NonNumericValueCount,
        };
    }

    private static void Work(BlockingCollection<(string Source, EventBatch Batch)> queue, RunState state, CancellationToken cancellationToken)
    {
        var record = new EventRecord();
        var handler = new MatchHandler(state);
        try
        {
            foreach (var (source, batch) in queue.GetConsumingEnumerable(cancellationToken))
            {
                try
                {
                    batch.Parse(record, state.Engine.Schema, handler, state.Errors);
                }
                catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
                {
                    state.Errors.OnError(new ReadError(source, 0, $"unreadable batch: {ex.Message}"));
                }

                handler.Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // Cancellation ends the worker; Run observes the token and rethrows.
            handler.Flush();
        }
        catch (Exception ex)
        {
            state.Failure ??= ex;
            while (queue.TryTake(out _))
            {
                // Drain so the producer is not blocked on a full queue.
            }
        }
    }

    private sealed class MatchHandler(RunState state) : IEventHandler
    {
        private readonly MatchScratch _scratch = state.Engine.CreateScratch();
        private readonly IEventInspector? _inspector = state.InspectorFactory?.Invoke();
        private readonly List<DetectionHit> _hits = [];
        private long _events;

        public void OnEvent(EventRecord record)
        {
            _events++;
            state.Engine.Match(record, _scratch, _hits);
            _inspector?.Inspect(record, _hits);
            if (_hits.Count >= HitFlushThreshold)
            {
                Flush();
            }
        }

        public void Flush()
        {
            Interlocked.Add(ref state.Events, _events);
            _events = 0;
            if (_hits.Count == 0)
            {
                return;
            }

            lock (state.SinkLock)
            {
                foreach (var hit in _hits)
                {
                    state.Emit(hit);
                }
            }

            _hits.Clear();
        }
    }

    private sealed class RunState(DetectionEngine engine, IHitSink sink, CountingErrors errors, CorrelationEngine? correlations)
    {
        public readonly Lock SinkLock = new();
        public long Events;
        public long Bytes;
        public long Hits;

        public DetectionEngine Engine { get; } = engine;

        public CountingErrors Errors { get; } = errors;

        public CorrelationEngine? Correlations { get; } = correlations;

        public Exception? Failure { get; set; }

        public Func<IEventInspector>? InspectorFactory { get; init; }

        /// <summary>Outputs a detection hit and feeds correlations; called under <see cref="SinkLock"/>.</summary>
        public void Emit(DetectionHit hit)
        {
            if (hit.Compiled is { FeedsCorrelation: true } && Correlations is not null)
            {
                Correlations.Add(hit.Rule.Id ?? hit.Rule.Name ?? hit.Rule.Title, hit.Rule.Name, hit.Event);
            }

            if (DetectionEngine.IsEmitted(hit))
            {
                Hits++;
                sink.OnHit(hit);
            }
        }

        public void EmitCorrelation(CorrelationMatch match)
        {
            Hits++;
            sink.OnHit(CorrelationHits.ToHit(match, Engine));
        }
    }

    private sealed class CountingErrors(IReadErrorSink inner) : IReadErrorSink
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void OnError(ReadError error)
        {
            Interlocked.Increment(ref _count);
            inner.OnError(error);
        }
    }
}
