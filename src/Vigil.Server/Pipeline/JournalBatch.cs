namespace Vigil.Server.Pipeline;

/// <summary>A batch of raw events as it was received and durably journaled.</summary>
/// <param name="Sequence">The journal sequence number (unique, increasing).</param>
/// <param name="Source">Where it came from, for example <c>http</c>, <c>hec</c>, <c>syslog-udp</c> or a watched file name.</param>
/// <param name="Format">The event format name (<c>auto</c>, <c>ndjson</c>, <c>syslog</c>, <c>cef</c>...).</param>
/// <param name="ReceivedAt">When the server received it.</param>
/// <param name="Payload">The raw bytes.</param>
public sealed record JournalBatch(long Sequence, string Source, string Format, DateTimeOffset ReceivedAt, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Gets the name events of this batch carry as their source (stable across restarts, so alert ids are too).</summary>
    public string SourceName => $"journal/{Sequence}/{Source}";
}
