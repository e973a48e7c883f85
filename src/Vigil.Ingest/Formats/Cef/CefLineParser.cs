using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// Parses CEF lines, bare or after a syslog header: the syslog fields, the seven header fields (<c>\|</c> and <c>\\</c>
/// unescaped), every extension pair under its own key (<c>\=</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\|</c> unescaped),
/// and for each <c>XLabel</c> key whose <c>X</c> is present a field named by the label holding <c>X</c>'s value. A line
/// without <c>CEF:</c> or with fewer than six header separators is reported and skipped. One instance per batch.
/// </summary>
internal sealed class CefLineParser : ILineParser
{
    private const string LabelSuffix = "Label";

    private readonly string _source;
    private readonly EventRecord _record;
    private readonly EventSchema _schema;
    private readonly IEventHandler _handler;
    private readonly IReadErrorSink _errors;
    private readonly SyslogHeaderParser _header;
    private readonly TextScratch _line = new();
    private readonly TextScratch _first = new();
    private readonly TextScratch _second = new();
    private readonly ExtensionScanner _scanner = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    /// <param name="header">Reads syslog headers and holds the time settings.</param>
    public CefLineParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header)
    {
        _source = source;
        _record = record ?? throw new ArgumentNullException(nameof(record));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
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
        var start = text.IndexOf("CEF:", StringComparison.Ordinal);
        if (start < 0)
        {
            _errors.OnError(new ReadError(_source, lineNumber, "not a CEF line: no 'CEF:' header"));
            return;
        }

        var cef = text[(start + 4)..];
        Span<int> pipes = stackalloc int[7];
        var count = FindPipes(cef, pipes);
        if (count < 6)
        {
            _errors.OnError(new ReadError(_source, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"malformed CEF header at byte offset {TextScratch.ByteOffset(text, start)}: {count + 1} of the 7 '|'-separated fields (Version|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity)")));
            return;
        }

        _record.Reset(_schema);
        _record.SourceName = _source;
        _record.Location = lineNumber;
        long ticks = 0;
        if (start > 0)
        {
            _header.Parse(text[..start], _record, out ticks);
        }

        var from = 0;
        for (var f = 0; f < 7; f++)
        {
            var to = f < count ? pipes[f] : cef.Length;
            var value = cef[from..to];
            _record.Add(CefNames.CefHeader[f], _first.Unescape(f == 0 ? value.Trim() : value, "|\\", controls: false));
            from = Math.Min(to + 1, cef.Length);
        }

        var extension = count == 7 ? cef[(pipes[6] + 1)..] : [];
        AddExtension(extension, ref ticks);
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

    /// <summary>Finds up to <paramref name="pipes"/>.Length unescaped '|' and returns how many.</summary>
    private static int FindPipes(ReadOnlySpan<char> cef, Span<int> pipes)
    {
        var count = 0;
        for (var i = 0; i < cef.Length && count < pipes.Length; i++)
        {
            if (cef[i] == '\\')
            {
                i++;
            }
            else if (cef[i] == '|')
            {
                pipes[count++] = i;
            }
        }

        return count;
    }

    private void AddExtension(ReadOnlySpan<char> extension, ref long ticks)
    {
        _scanner.Scan(extension, ' ');
        var pairs = _scanner.Pairs;
        foreach (var pair in pairs)
        {
            _record.Add(pair.Key(extension), Unescape(_first, pair.Value(extension)));
        }

        foreach (var pair in pairs)
        {
            var key = pair.Key(extension);
            if (key.Length <= LabelSuffix.Length || !key.EndsWith(LabelSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var target = _scanner.IndexOf(extension, key[..^LabelSuffix.Length]);
            var label = Unescape(_first, pair.Value(extension)).Trim();
            if (target >= 0 && !label.IsEmpty)
            {
                _record.Add(label, Unescape(_second, pairs[target].Value(extension)));
            }
        }

        foreach (var key in CefNames.CefTimeKeys)
        {
            var index = _scanner.IndexOf(extension, key);
            if (index >= 0 && DeviceTime.TryParse(
                Unescape(_first, pairs[index].Value(extension)), _header.Reference, _header.DefaultOffset, out var deviceTicks))
            {
                ticks = deviceTicks;
                return;
            }
        }
    }

    private static ReadOnlySpan<char> Unescape(TextScratch scratch, ReadOnlySpan<char> value)
        => scratch.Unescape(value, "=\\|", controls: true);
}
