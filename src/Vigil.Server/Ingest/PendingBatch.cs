using Vigil.Server.Storage;

namespace Vigil.Server.Ingest;

/// <summary>A batch waiting for the journal, with the completion its sender awaits.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="Completion">Completed with the sequence number once durable, or faulted when it could not be written.</param>
internal sealed record PendingBatch(IncomingBatch Batch, TaskCompletionSource<(long Sequence, bool Duplicate)> Completion);
