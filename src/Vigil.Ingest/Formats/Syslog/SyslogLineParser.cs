using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// Parses syslog lines (RFC 5424 or RFC 3164, told apart per line) into events: the header fields, structured data and
/// <c>message</c> (a leading byte order mark removed). Every non-blank line gives an event: what does not parse as a
/// header stays in the message. One instance per batch; not thread-safe.
/// </summary>
internal sealed class SyslogLineParser : ILineParser
{
    private readonly string _source;
    private readonly EventRecord _record;
    private readonly EventSchema _schema;
    private readonly IEventHandler _handler;
    private readonly SyslogHeaderParser _header;
    private readonly TextScratch _line = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="header">Reads the headers.</param>
    public SyslogLineParser(string source, EventRecord record, EventSchema schema, IEventHandler handler, SyslogHeaderParser header)
    {
        _source = source;
        _record = record ?? throw new ArgumentNullException(nameof(record));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _header = header;
    }

    /// <inheritdoc />
    public void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        line = TextLines.TrimEnd(line);
        if (line.IsEmpty)
        {
            return;
        }

        var text = _line.Decode(line);
        _record.Reset(_schema);
        _record.SourceName = _source;
        _record.Location = lineNumber;
        var start = _header.Parse(text, _record, out var ticks);
        var message = text[Math.Min(start, text.Length)..];
        if (!message.IsEmpty && message[0] == '\uFEFF')
        {
            message = message[1..];
        }

        if (!message.IsEmpty)
        {
            _record.Add(SyslogNames.Message, message);
        }

        _record.SetRaw(line);
        _record.TimestampTicks = ticks;
        _handler.OnEvent(_record);
    }

    /// <inheritdoc />
    public void Flush()
    {
        // Every line is a whole event: nothing is pending.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the buffers are managed.
    }
}
