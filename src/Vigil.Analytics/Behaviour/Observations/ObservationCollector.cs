using System.Collections.Concurrent;

namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>
/// Collects observations from parallel hunt workers (a buffer each, no locking on the hot path) and hands them back in
/// time order, ties broken by source and location so that the order, and so the findings, never depend on scheduling.
/// The buffers' sorted chunks are merged with a priority queue: memory stays one copy of the observations.
/// </summary>
internal sealed class ObservationCollector
{
    private readonly ConcurrentBag<ObservationBuffer> _buffers = [];

    /// <summary>Gets the pool the workers intern strings in.</summary>
    public StringPool Pool { get; } = new();

    /// <summary>Creates the buffer one worker appends to.</summary>
    public ObservationBuffer CreateWorkerBuffer()
    {
        var buffer = new ObservationBuffer();
        _buffers.Add(buffer);
        return buffer;
    }

    /// <summary>Gets the number of observations collected so far (call once the workers are done).</summary>
    public long Count => _buffers.Sum(b => b.Count);

    /// <summary>Yields every observation in order; call once the workers are done. The buffers are emptied as it goes.</summary>
    public IEnumerable<BehaviourObservation> Drain()
    {
        var chunks = _buffers.SelectMany(b => b.TakeChunks()).ToList();
        var positions = new int[chunks.Count];
        var queue = new PriorityQueue<int, BehaviourObservation>(chunks.Count, Comparer<BehaviourObservation>.Create(ObservationOrder.Compare));
        for (var i = 0; i < chunks.Count; i++)
        {
            queue.Enqueue(i, chunks[i][0]);
        }

        while (queue.TryDequeue(out var chunk, out var observation))
        {
            yield return observation;
            var next = ++positions[chunk];
            if (next < chunks[chunk].Length)
            {
                queue.Enqueue(chunk, chunks[chunk][next]);
            }
            else
            {
                chunks[chunk] = [];
            }
        }
    }
}
