namespace Vigil.Server.Endpoints;

/// <summary>Where the server stands.</summary>
/// <param name="Pipeline">What detection runs (rules, models, context).</param>
/// <param name="JournalSequence">The last journaled batch.</param>
/// <param name="DetectionCursor">The last batch through detection.</param>
/// <param name="PendingBatches">Batches journaled and waiting for detection.</param>
/// <param name="PendingEvents">Events journaled and waiting for detection.</param>
/// <param name="JournaledEvents">Every event journaled so far.</param>
/// <param name="QueuedBytes">Bytes received and waiting for the journal.</param>
public sealed record ServerStatus(
    string Pipeline, long JournalSequence, long DetectionCursor, long PendingBatches, long PendingEvents, long JournaledEvents, long QueuedBytes);
