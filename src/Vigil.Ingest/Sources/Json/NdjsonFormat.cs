using Vigil.Core.Events;
using Vigil.Ingest.Parsers.Json;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Sources.Json;

/// <summary>NDJSON (JSON Lines): one JSON object per line.</summary>
internal sealed class NdjsonFormat : LineFormat
{
    /// <summary>Gets the shared instance (the format keeps no state).</summary>
    public static NdjsonFormat Instance { get; } = new();

    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => new JsonEventParser(source, record, schema, handler, errors);
}
