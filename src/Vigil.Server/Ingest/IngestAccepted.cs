namespace Vigil.Server.Ingest;

/// <summary>The answer to an accepted ingest batch: it is durably journaled.</summary>
/// <param name="Sequence">The journal sequence number.</param>
/// <param name="Duplicate">True when a batch with the same idempotency key was journaled before (nothing was written again).</param>
/// <param name="Events">The events kept.</param>
/// <param name="RejectedCount">The lines left out as malformed.</param>
/// <param name="Rejected">The first of them, with line and reason.</param>
public sealed record IngestAccepted(long Sequence, bool Duplicate, int Events, int RejectedCount, IReadOnlyList<RejectedLine> Rejected);
