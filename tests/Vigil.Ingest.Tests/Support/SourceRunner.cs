using System.Text;
using Vigil.Core.Events;
using Vigil.Ingest.Parsers.Json;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Tests.Support;

/// <summary>Reads sources and JSON texts the way the hunt runner does, on one thread.</summary>
internal static class SourceRunner
{
    public static ReadResult ReadFile(string path, EventFileFormat format = EventFileFormat.Auto, EventSchema? schema = null)
    {
        var handler = new CollectingHandler();
        var errors = new CollectingErrors();
        var record = new EventRecord();
        var bytes = new List<long>();
        foreach (var batch in EventSources.Open(path, format).ReadBatches(errors, CancellationToken.None))
        {
            bytes.Add(batch.ByteCount);
            batch.Parse(record, schema ?? EventSchema.Empty, handler, errors);
        }

        return new ReadResult(handler.Events, errors.Errors, bytes);
    }

    /// <summary>Parses one JSON text as a single event (the path NDJSON lines take).</summary>
    public static ReadResult ParseLine(string json, EventSchema? schema = null, long line = 1)
    {
        var handler = new CollectingHandler();
        var errors = new CollectingErrors();
        using (var parser = new JsonEventParser("test", new EventRecord(), schema ?? EventSchema.Empty, handler, errors))
        {
            parser.ParseLine(Encoding.UTF8.GetBytes(json), line);
        }

        return new ReadResult(handler.Events, errors.Errors, []);
    }

    public static EventRecord ParseOne(string json, EventSchema? schema = null)
    {
        var result = ParseLine(json, schema);
        result.Errors.ShouldBeEmpty();
        return result.Events.ShouldHaveSingleItem();
    }
}
