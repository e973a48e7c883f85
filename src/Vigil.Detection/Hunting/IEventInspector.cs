using Vigil.Core.Events;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Hunting;

/// <summary>
/// Looks at every event beside the rules (for example to resolve identities or match threat indicators) and may add hits.
/// A hunt creates one inspector per worker thread, so an inspector needs no locking of its own; whatever it shares across
/// workers must be thread-safe. Hits must carry a snapshot of the event (<see cref="EventRecord.Snapshot"/>), as the record
/// is reused after the call.
/// </summary>
public interface IEventInspector
{
    /// <summary>Inspects one event.</summary>
    /// <param name="record">The event; valid only during the call.</param>
    /// <param name="hits">Receives the hits the inspector finds.</param>
    void Inspect(EventRecord record, ICollection<DetectionHit> hits);
}
