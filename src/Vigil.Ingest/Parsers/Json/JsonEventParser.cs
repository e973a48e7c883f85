using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Parsers.Json;

/// <summary>
/// Turns JSON texts (an NDJSON line, or one value of an array or value stream) into events: validates and flattens
/// the object, keeps its raw bytes, reads its time, and hands it to the handler. A text that is malformed, not an object,
/// nested deeper than <see cref="SourceLimits.MaxDepth"/> or not valid UTF-8 becomes one <see cref="ReadError"/> and the
/// caller goes on. One instance per batch being parsed; not thread-safe.
/// </summary>
internal sealed class JsonEventParser : ILineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = SourceLimits.MaxDepth };

    private readonly string _source;
    private readonly EventRecord _record;
    private readonly EventSchema _schema;
    private readonly IEventHandler _handler;
    private readonly IReadErrorSink _errors;
    private readonly JsonFlattener _flattener = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name for records and errors.</param>
    /// <param name="record">The scratch record to fill.</param>
    /// <param name="schema">The schema to resolve names against.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed record.</param>
    public JsonEventParser(string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        _source = source;
        _record = record ?? throw new ArgumentNullException(nameof(record));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>Parses one NDJSON line; blank lines are skipped.</summary>
    /// <param name="line">The line without its line feed.</param>
    /// <param name="lineNumber">Its 1-based line number.</param>
    public void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var start = line.IndexOfAnyExcept(" \t\r"u8);
        if (start < 0)
        {
            return;
        }

        var end = line.LastIndexOfAnyExcept(" \t\r"u8);
        Parse(line[start..(end + 1)], lineNumber, start);
    }

    /// <summary>Parses one JSON value that may span lines.</summary>
    /// <param name="json">The value.</param>
    /// <param name="lineNumber">The 1-based line where it starts.</param>
    public void ParseValue(ReadOnlySpan<byte> json, long lineNumber) => Parse(json, lineNumber, -1);

    /// <inheritdoc />
    public void Flush()
    {
        // Every line is a whole event: nothing is pending.
    }

    /// <inheritdoc />
    public void Dispose() => _flattener.Dispose();

    /// <param name="json">The text.</param>
    /// <param name="lineNumber">Where it starts.</param>
    /// <param name="lineOffset">For a single line, the byte offset of the text in its line; -1 for a value that may span lines.</param>
    private void Parse(ReadOnlySpan<byte> json, long lineNumber, int lineOffset)
    {
        _record.Reset(_schema);
        _record.SourceName = _source;
        _record.Location = lineNumber;
        string? error = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var token = reader.TokenType;
                reader.Skip();
                error = $"the {(lineOffset >= 0 ? "line" : "value")} is a JSON {Describe(token)}, not an object";
            }
            else
            {
                _flattener.Flatten(ref reader, _record);
                if (reader.Read())
                {
                    error = "unexpected content after the object";
                }
            }
        }
        catch (JsonException ex)
        {
            error = Describe(ex, json, lineNumber, lineOffset);
        }

        if (error is not null)
        {
            _errors.OnError(new ReadError(_source, lineNumber, error));
            return;
        }

        _record.SetRaw(json);
        _record.TimestampTicks = EventTimestamp.TryGetFromEvent(_record, out var ticks) ? ticks : 0;
        _handler.OnEvent(_record);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>Words a JSON error with its position: the byte offset in the line, and for multi-line values the line too.</summary>
    private static string Describe(JsonException ex, ReadOnlySpan<byte> json, long lineNumber, int lineOffset)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        reason = reason.TrimEnd('.');
        long line;
        long byteInLine;
        if (ex.LineNumber is { } relativeLine)
        {
            line = relativeLine;
            byteInLine = ex.BytePositionInLine ?? 0;
        }
        else
        {
            // The flattener's own errors carry the byte offset in the text instead of a line and column.
            var offset = (int)Math.Clamp(ex.BytePositionInLine ?? 0, 0, json.Length);
            var before = json[..offset];
            line = before.Count((byte)'\n');
            byteInLine = offset - (before.LastIndexOf((byte)'\n') + 1);
        }

        return lineOffset >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"malformed JSON at byte offset {byteInLine + lineOffset} of the line: {reason}")
            : string.Create(CultureInfo.InvariantCulture, $"malformed JSON value at line {lineNumber + line}, byte offset {byteInLine}: {reason}");
    }
}
