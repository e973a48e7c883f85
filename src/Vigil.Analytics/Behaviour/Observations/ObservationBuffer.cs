namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>
/// One hunt worker's observations, kept in fixed chunks (no doubling of a big list, no large copy when it grows); each
/// chunk is sorted by time once full, so the collector can merge all chunks in time order without a second copy.
/// </summary>
internal sealed class ObservationBuffer
{
    /// <summary>Observations per chunk (about 2.5 MB a chunk).</summary>
    public const int ChunkSize = 16_384;

    private readonly List<BehaviourObservation[]> _full = [];
    private BehaviourObservation[] _current = new BehaviourObservation[ChunkSize];
    private int _count;

    /// <summary>Gets the number of observations held.</summary>
    public long Count => ((long)_full.Count * ChunkSize) + _count;

    /// <summary>Adds an observation.</summary>
    public void Add(in BehaviourObservation observation)
    {
        _current[_count++] = observation;
        if (_count == ChunkSize)
        {
            Array.Sort(_current, ObservationOrder.Compare);
            _full.Add(_current);
            _current = new BehaviourObservation[ChunkSize];
            _count = 0;
        }
    }

    /// <summary>Hands over the chunks, each sorted (the last one trimmed), and empties the buffer.</summary>
    public List<BehaviourObservation[]> TakeChunks()
    {
        var chunks = new List<BehaviourObservation[]>(_full);
        if (_count > 0)
        {
            var last = _current.AsSpan(0, _count).ToArray();
            Array.Sort(last, ObservationOrder.Compare);
            chunks.Add(last);
        }

        _full.Clear();
        _current = new BehaviourObservation[ChunkSize];
        _count = 0;
        return chunks;
    }
}
