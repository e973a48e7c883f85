namespace Vigil.Server.Storage;

/// <summary>A batch received by an ingest endpoint or listener, before it is journaled.</summary>
/// <param name="Source">Where it came from (<c>http</c>, <c>hec</c>, <c>syslog-tcp</c>...).</param>
/// <param name="Format">The event format name.</param>
/// <param name="IdempotencyKey">The key a retry of the same batch carries, or null when the batch cannot be retried.</param>
/// <param name="EstimatedEvents">The number of events (lines or objects) it holds, as counted on receipt.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Payload">The raw bytes.</param>
internal sealed record IncomingBatch(string Source, string Format, string? IdempotencyKey, int EstimatedEvents, DateTimeOffset ReceivedAt, ReadOnlyMemory<byte> Payload);
