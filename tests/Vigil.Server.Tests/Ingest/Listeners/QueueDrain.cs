using Vigil.Server.Hosting;
using Vigil.Server.Ingest;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Ingest.Listeners;

/// <summary>
/// An <see cref="IngestQueue"/> without a server: a background loop plays the journal writer, keeping every batch it takes
/// and answering duplicates by idempotency key as the real journal does.
/// </summary>
internal sealed class QueueDrain : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly List<IncomingBatch> _batches = [];
    private readonly Task _loop;
    private long _sequence;

    public QueueDrain(ServerOptions options)
    {
        Queue = new IngestQueue(options, new ServerMetrics());
        _loop = Task.Run(RunAsync);
    }

    public IngestQueue Queue { get; }

    /// <summary>Gets or sets whether batches are held (not completed) rather than journaled.</summary>
    public bool Hold { get; set; }

    public IReadOnlyList<IncomingBatch> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var pending in Queue.Reader.ReadAllAsync(_stop.Token))
        {
            while (Hold)
            {
                await Task.Delay(20, _stop.Token);
            }

            var batch = pending.Batch;
            bool duplicate;
            long sequence;
            lock (_batches)
            {
                duplicate = batch.IdempotencyKey is { } key && _keys.ContainsKey(key);
                sequence = duplicate ? _keys[batch.IdempotencyKey!] : ++_sequence;
                if (!duplicate)
                {
                    _batches.Add(batch);
                    if (batch.IdempotencyKey is { } added)
                    {
                        _keys[added] = sequence;
                    }
                }
            }

            Queue.Journaled(pending, duplicate);
            pending.Completion.TrySetResult((sequence, duplicate));
        }
    }
}
