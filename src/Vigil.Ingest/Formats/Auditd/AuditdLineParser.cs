using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Auditd;

/// <summary>
/// Joins audit records into events by serial. Each record adds <c>type</c> and its own fields in order (repeated names
/// become multi-valued); <c>msg='...'</c> of user-space records is flattened into its fields; hex-encoded values are decoded
/// (see <see cref="AuditdValues"/>); an EXECVE record without <c>argc</c> gets one. An event completes at its
/// <c>type=EOE</c> record, when more than <see cref="MaxInFlight"/> events are open (the oldest), or at the end of the
/// batch (in the order they started). A line without an audit stamp is reported and skipped. One instance per batch.
/// </summary>
internal sealed class AuditdLineParser : ILineParser
{
    /// <summary>How many events may be open at once before the oldest is handed over: 256.</summary>
    public const int MaxInFlight = 256;

    private readonly string _source;
    private readonly EventRecord _record;
    private readonly EventSchema _schema;
    private readonly IEventHandler _handler;
    private readonly IReadErrorSink _errors;
    private readonly TextScratch _line = new();
    private readonly AuditdValues _values = new();
    private readonly List<AuditdPendingEvent> _open = [];
    private readonly Stack<AuditdPendingEvent> _free = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    public AuditdLineParser(string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        _source = source;
        _record = record ?? throw new ArgumentNullException(nameof(record));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
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
        if (!AuditdRecordHeader.TryParse(text, out var node, out var typeRange, out var ticks, out var serial, out var body, out var bad))
        {
            _errors.OnError(new ReadError(_source, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"not an audit record at byte offset {TextScratch.ByteOffset(text, bad)}: expected 'type=TYPE msg=audit(SECONDS.MILLIS:SERIAL):'")));
            return;
        }

        var type = text[typeRange];
        var open = Find(serial);
        var isEnd = type is "EOE";
        if (open is null)
        {
            if (isEnd)
            {
                // The end marker of an event already handed over (or never started here): nothing to add.
                return;
            }

            open = _free.Count > 0 ? _free.Pop() : new AuditdPendingEvent();
            open.Start(serial, lineNumber, ticks);
            _open.Add(open);
        }

        open.AppendRaw(line);
        if (!open.HasNode && !node.Equals(default(Range)))
        {
            open.Add("node", text[node]);
            open.HasNode = true;
        }

        var before = open.FieldCount;
        open.Add("type", type);
        var args = _values.AddFields(text[body..], type, open);
        if (type is "EXECVE" && !open.Has("argc", before))
        {
            Span<char> digits = stackalloc char[11];
            args.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
            open.Add("argc", digits[..length]);
        }

        if (isEnd)
        {
            Complete(open);
        }
        else if (_open.Count > MaxInFlight)
        {
            Complete(_open[0]);
        }
    }

    /// <inheritdoc />
    public void Flush()
    {
        while (_open.Count > 0)
        {
            Complete(_open[0]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _open.Clear();
        _free.Clear();
    }

    private AuditdPendingEvent? Find(long serial)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Serial == serial)
            {
                return _open[i];
            }
        }

        return null;
    }

    private void Complete(AuditdPendingEvent open)
    {
        _open.Remove(open);
        _record.Reset(_schema);
        _record.SourceName = _source;
        open.CopyTo(_record);
        _free.Push(open);
        _handler.OnEvent(_record);
    }
}
