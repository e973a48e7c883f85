namespace Vigil.Core.Events;

/// <summary>
/// A unit of input that any worker thread can parse independently (for example a line-aligned block of NDJSON).
/// </summary>
public abstract class EventBatch
{
    /// <summary>Gets the number of input bytes the batch covers (for progress), or 0 when unknown.</summary>
    public virtual long ByteCount => 0;

    /// <summary>Parses the batch, filling <paramref name="scratch"/> and calling <paramref name="handler"/> once per event.</summary>
    /// <param name="scratch">A record owned by the calling thread.</param>
    /// <param name="schema">The schema to resolve field names against.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed record; parsing goes on after it.</param>
    public abstract void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors);
}
