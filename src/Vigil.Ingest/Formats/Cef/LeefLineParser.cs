using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// Parses LEEF lines, bare or after a syslog header: <c>LEEF:1.0|Vendor|Product|Version|EventID|</c> then tab-separated
/// <c>key=value</c> attributes, or <c>LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|</c> where the delimiter is one
/// character or its hex code (<c>x09</c>, <c>0x09</c>; empty or absent means a tab). A LEEF 1.0 line without any tab is
/// split on spaces, as some devices write it. Values are kept as written (LEEF has no escapes). A line without
/// <c>LEEF:</c> or with fewer than four header separators is reported and skipped. One instance per batch.
/// </summary>
internal sealed class LeefLineParser : SyslogFramedLineParser
{
    private readonly ExtensionScanner _scanner = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    /// <param name="header">Reads syslog headers and holds the time settings.</param>
    public LeefLineParser(
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
        var start = text.IndexOf("LEEF:", StringComparison.Ordinal);
        if (start < 0)
        {
            Errors.OnError(new ReadError(Source, lineNumber, "not a LEEF line: no 'LEEF:' header"));
            return;
        }

        var leef = text[(start + 5)..];
        Span<int> pipes = stackalloc int[5];
        var count = 0;
        for (var i = 0; i < leef.Length && count < pipes.Length; i++)
        {
            if (leef[i] == '|')
            {
                pipes[count++] = i;
            }
        }

        if (count < 4)
        {
            Errors.OnError(new ReadError(Source, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"malformed LEEF header at byte offset {TextScratch.ByteOffset(text, start)}: {count + 1} of the 5 '|'-separated fields (Version|Vendor|Product|Version|EventID)")));
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

        var version = leef[..pipes[0]].Trim();
        Record.Add(CefNames.LeefVersion, version);
        Record.Add(CefNames.DeviceVendor, leef[(pipes[0] + 1)..pipes[1]]);
        Record.Add(CefNames.DeviceProduct, leef[(pipes[1] + 1)..pipes[2]]);
        Record.Add(CefNames.DeviceVersion, leef[(pipes[2] + 1)..pipes[3]]);
        Record.Add(CefNames.EventId, leef[(pipes[3] + 1)..(count > 4 ? pipes[4] : leef.Length)]);
        var attributes = count > 4 ? leef[(pipes[4] + 1)..] : [];
        var separator = '\t';
        if (version.StartsWith("2", StringComparison.Ordinal))
        {
            var bar = attributes.IndexOf('|');
            if (bar >= 0 && bar <= 6 && !attributes[..bar].Contains('='))
            {
                separator = ParseDelimiter(attributes[..bar]);
                attributes = attributes[(bar + 1)..];
            }
        }
        else if (!attributes.Contains('\t'))
        {
            separator = ' ';
        }

        _scanner.Scan(attributes, separator);
        foreach (var pair in _scanner.Pairs)
        {
            Record.Add(pair.Key(attributes), pair.Value(attributes));
        }

        if (TryGetDeviceTime(attributes, out var deviceTicks))
        {
            ticks = deviceTicks;
        }

        Record.SetRaw(line);
        Record.TimestampTicks = ticks;
        Handler.OnEvent(Record);
    }


    /// <summary>Reads a LEEF 2.0 delimiter: one character, or <c>x</c>/<c>0x</c>/<c>\x</c> and hex digits; empty means a tab.</summary>
    private static char ParseDelimiter(ReadOnlySpan<char> spec)
    {
        spec = spec.Trim(' ');
        if (spec.IsEmpty)
        {
            return '\t';
        }

        if (spec.Length == 1)
        {
            return spec[0];
        }

        var hex = spec.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("\\x", StringComparison.OrdinalIgnoreCase)
            ? spec[2..]
            : spec[0] is 'x' or 'X' ? spec[1..] : [];
        return int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0xFFFF
            ? (char)code
            : '\t';
    }

    private bool TryGetDeviceTime(ReadOnlySpan<char> attributes, out long ticks)
    {
        ticks = 0;
        var time = _scanner.IndexOf(attributes, "devTime");
        if (time < 0)
        {
            return false;
        }

        var value = _scanner.Pairs[time].Value(attributes);
        var format = _scanner.IndexOf(attributes, "devTimeFormat");
        if (format >= 0 && JavaDateFormat.TryParse(
            value, _scanner.Pairs[format].Value(attributes), Header.Reference, Header.DefaultOffset, out ticks))
        {
            return true;
        }

        return DeviceTime.TryParse(value, Header.Reference, Header.DefaultOffset, out ticks);
    }
}
