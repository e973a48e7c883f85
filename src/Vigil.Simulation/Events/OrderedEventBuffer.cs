using Vigil.Simulation.Writers;

namespace Vigil.Simulation.Events;

/// <summary>
/// Holds a log file's events until no event generated later can come before them, then writes them in time order.
/// The simulation generates day by day and never goes back before the day it generates, so after day d every
/// event before the start of day d+1 is final.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class OrderedEventBuffer<T>
    where T : TimedEvent
{
    private readonly List<T> _pending = [];
    private readonly EventFileWriter<T> _writer;

    /// <summary>Creates the buffer in front of a writer.</summary>
    public OrderedEventBuffer(EventFileWriter<T> writer) => _writer = writer;

    /// <summary>Gets the writer.</summary>
    public EventFileWriter<T> Writer => _writer;

    /// <summary>Adds an event.</summary>
    public void Add(T item) => _pending.Add(item);

    /// <summary>Writes, in order, every pending event before <paramref name="ticks"/>.</summary>
    public void FlushBefore(long ticks)
    {
        _pending.Sort(TimedEvent.Compare);
        var count = 0;
        while (count < _pending.Count && _pending[count].Ticks < ticks)
        {
            _writer.Write(_pending[count]);
            count++;
        }

        _pending.RemoveRange(0, count);
    }

    /// <summary>Writes every pending event and closes the file's wrapper.</summary>
    public void Complete()
    {
        FlushBefore(long.MaxValue);
        _writer.Complete();
    }
}
