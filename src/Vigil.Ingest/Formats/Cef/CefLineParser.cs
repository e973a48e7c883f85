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
internal sealed class CefLineParser : SyslogFramedLineParser
{
    private const string LabelSuffix = "Label";

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
        : base(source, record, schema, handler, errors, header)
    {
    }

    /// <inheritdoc />
    public override void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        line = TextLines.TrimEnd(line);
        if (line.IsEmpty)
        {
            return;
        }

        var text = Line.Decode(line);
        var start = text.IndexOf("CEF:", StringComparison.Ordinal);
        if (start < 0)
        {
            Errors.OnError(new ReadError(Source, lineNumber, "not a CEF line: no 'CEF:' header"));
            return;
        }

        var cef = text[(start + 4)..];
        Span<int> pipes = stackalloc int[7];
        var count = FindPipes(cef, pipes);
        if (count < 6)
        {
            Errors.OnError(new ReadError(Source, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"malformed CEF header at byte offset {TextScratch.ByteOffset(text, start)}: {count + 1} of the 7 '|'-separated fields (Version|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity)")));
            return;
        }

        Record.Reset(Schema);
        Record.SourceName = Source;
        Record.Location = lineNumber;
        long ticks = 0;
        if (start > 0)
        {
            Header.Parse(text[..start], Record, out ticks);
        }

        var from = 0;
        for (var f = 0; f < 7; f++)
        {
            var to = f < count ? pipes[f] : cef.Length;
            var value = cef[from..to];
            Record.Add(CefNames.CefHeader[f], _first.Unescape(f == 0 ? value.Trim() : value, "|\\", controls: false));
            from = Math.Min(to + 1, cef.Length);
        }

        var extension = count == 7 ? cef[(pipes[6] + 1)..] : [];
        AddExtension(extension, ref ticks);
        Record.SetRaw(line);
        Record.TimestampTicks = ticks;
        Handler.OnEvent(Record);
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
            Record.Add(pair.Key(extension), Unescape(_first, pair.Value(extension)));
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
                Record.Add(label, Unescape(_second, pairs[target].Value(extension)));
            }
        }

        foreach (var key in CefNames.CefTimeKeys)
        {
            var index = _scanner.IndexOf(extension, key);
            if (index >= 0 && DeviceTime.TryParse(
                Unescape(_first, pairs[index].Value(extension)), Header.Reference, Header.DefaultOffset, out var deviceTicks))
            {
                ticks = deviceTicks;
                return;
            }
        }
    }

    private static ReadOnlySpan<char> Unescape(TextScratch scratch, ReadOnlySpan<char> value)
        => scratch.Unescape(value, "=\\|", controls: true);
}
