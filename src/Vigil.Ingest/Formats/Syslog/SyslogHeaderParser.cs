using Vigil.Core.Events;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// Reads a syslog header, RFC 5424 or RFC 3164 (told apart per line), into fields, and says where the message starts.
/// Everything is best effort and nothing fails: a missing or malformed PRI leaves <c>pri</c>, <c>facility</c> and
/// <c>severity</c> out; a header that does not follow either RFC leaves the rest of the line as the message. Also used for
/// the syslog header in front of CEF and LEEF. One instance per parser; not thread-safe.
/// </summary>
/// <param name="reference">The time a year-less RFC 3164 time is placed near (see <see cref="SyslogTime"/>).</param>
/// <param name="defaultOffset">The UTC offset of times written without a zone.</param>
internal sealed class SyslogHeaderParser(DateTimeOffset reference, TimeSpan defaultOffset)
{
    private readonly TextScratch _name = new();
    private readonly TextScratch _value = new();

    /// <summary>Gets the reference time for year-less times.</summary>
    public DateTimeOffset Reference => reference;

    /// <summary>Gets the UTC offset of times written without a zone.</summary>
    public TimeSpan DefaultOffset => defaultOffset;

    /// <summary>Reads the header at the start of <paramref name="line"/> and adds its fields to <paramref name="record"/>.</summary>
    /// <param name="line">The line (or the part of it before a CEF or LEEF payload).</param>
    /// <param name="record">The record to add the fields to.</param>
    /// <param name="utcTicks">The header time as UTC ticks, or 0 when it has none or it does not parse.</param>
    /// <returns>Where the message starts (the line length when there is none).</returns>
    public int Parse(ReadOnlySpan<char> line, EventRecord record, out long utcTicks)
    {
        utcTicks = 0;
        var i = ReadPri(line, record);
        var v = i;
        while (v < line.Length && v - i < 3 && char.IsAsciiDigit(line[v]))
        {
            v++;
        }

        if (v > i && line[i] != '0' && v + 1 < line.Length && line[v] == ' ' && (line[v + 1] == '-' || char.IsAsciiDigit(line[v + 1])))
        {
            record.Add(SyslogNames.Version, line[i..v], FieldValueKind.Number);
            return Parse5424(line, v + 1, record, out utcTicks);
        }

        if (IsIsoStart(line[i..]))
        {
            if (LooksLike5424(line[i..]))
            {
                return Parse5424(line, i, record, out utcTicks);
            }

            var timestamp = Token(line, ref i);
            record.Add(SyslogNames.Timestamp, timestamp);
            utcTicks = EventTimestamp.TryParse(timestamp, out var ticks) ? ticks : 0;
            return ParseBsdRest(line, i, record);
        }

        if (SyslogTime.TryParseMonthFirst(line[i..], reference, defaultOffset, out var consumed, out var bsdTicks))
        {
            record.Add(SyslogNames.Timestamp, line.Slice(i, consumed));
            utcTicks = bsdTicks;
            return ParseBsdRest(line, i + consumed, record);
        }

        // RFC 3164 section 4.3.3: without a recognisable time the whole rest is the message.
        return i;
    }

    private static int ReadPri(ReadOnlySpan<char> line, EventRecord record)
    {
        if (line.IsEmpty || line[0] != '<')
        {
            return 0;
        }

        var close = line[..Math.Min(line.Length, 8)].IndexOf('>');
        if (close < 1)
        {
            return 0;
        }

        var digits = line[1..close];
        if (digits.Length is >= 1 and <= 3 && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            var pri = 0;
            foreach (var c in digits)
            {
                pri = (pri * 10) + (c - '0');
            }

            if (pri <= 191)
            {
                record.Add(SyslogNames.Pri, digits, FieldValueKind.Number);
                record.Add(SyslogNames.Facility, SyslogNames.Facilities[pri >> 3]);
                record.Add(SyslogNames.Severity, SyslogNames.Severities[pri & 7]);
            }
        }

        // A malformed PRI (<1000>, <abc>) is skipped: the rest of the line is still read.
        return close + 1;
    }

    private static bool IsIsoStart(ReadOnlySpan<char> s)
        => s.Length >= 11 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && !s[..4].ContainsAnyExceptInRange('0', '9');

    /// <summary>RFC 5424 without PRI and VERSION: a time, four more fields, then structured data (<c>-</c> or <c>[</c>).</summary>
    private static bool LooksLike5424(ReadOnlySpan<char> s)
    {
        var i = 0;
        for (var n = 0; n < 5; n++)
        {
            var space = s[i..].IndexOf(' ');
            if (space <= 0)
            {
                return false;
            }

            i += space + 1;
        }

        return i < s.Length && s[i] is '-' or '[' && (i + 1 == s.Length || s[i + 1] is ' ' || s[i] == '[');
    }

    /// <summary>Reads up to the next space and moves past it.</summary>
    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> line, ref int i)
    {
        var rest = line[Math.Min(i, line.Length)..];
        var space = rest.IndexOf(' ');
        var token = space < 0 ? rest : rest[..space];
        i += token.Length + (space < 0 ? 0 : 1);
        return token;
    }

    private int Parse5424(ReadOnlySpan<char> line, int i, EventRecord record, out long utcTicks)
    {
        utcTicks = 0;
        var timestamp = Token(line, ref i);
        if (timestamp is not "-" && !timestamp.IsEmpty)
        {
            record.Add(SyslogNames.Timestamp, timestamp);
            utcTicks = EventTimestamp.TryParse(timestamp, out var ticks) ? ticks : 0;
        }

        ReadOnlySpan<string> names = [SyslogNames.Hostname, SyslogNames.AppName, SyslogNames.ProcId, SyslogNames.MsgId];
        foreach (var name in names)
        {
            if (i >= line.Length)
            {
                return line.Length;
            }

            var token = Token(line, ref i);
            if (token is not "-" && !token.IsEmpty)
            {
                record.Add(name, token);
            }
        }

        if (i < line.Length && line[i] == '-')
        {
            i++;
        }
        else if (i < line.Length && line[i] == '[' && ReadStructuredData(line, i, null) > 0)
        {
            i = ReadStructuredData(line, i, record);
        }

        return i < line.Length && line[i] == ' ' ? i + 1 : i;
    }

    /// <summary>
    /// Reads RFC 5424 structured data starting at <paramref name="i"/>; with a null record it only checks it. Each parameter
    /// becomes a field <c>SD-ID.name</c>, its value unescaped (<c>\"</c>, <c>\\</c>, <c>\]</c>).
    /// </summary>
    /// <returns>The index after the last element, or -1 when the data is malformed (then nothing is added).</returns>
    private int ReadStructuredData(ReadOnlySpan<char> line, int i, EventRecord? record)
    {
        while (i < line.Length && line[i] == '[')
        {
            i++;
            var idStart = i;
            while (i < line.Length && line[i] is not (' ' or ']' or '=' or '"'))
            {
                i++;
            }

            var id = line[idStart..i];
            if (id.IsEmpty)
            {
                return -1;
            }

            while (i < line.Length && line[i] == ' ')
            {
                i++;
                var nameStart = i;
                while (i < line.Length && line[i] is not ('=' or ' ' or ']' or '"'))
                {
                    i++;
                }

                var name = line[nameStart..i];
                if (name.IsEmpty || i + 1 >= line.Length || line[i] != '=' || line[i + 1] != '"')
                {
                    return -1;
                }

                i += 2;
                var valueStart = i;
                while (i < line.Length && line[i] != '"')
                {
                    i += line[i] == '\\' ? 2 : 1;
                }

                if (i >= line.Length)
                {
                    return -1;
                }

                if (record is not null)
                {
                    var fieldName = _name.Get(id.Length + 1 + name.Length);
                    id.CopyTo(fieldName);
                    fieldName[id.Length] = '.';
                    name.CopyTo(fieldName[(id.Length + 1)..]);
                    record.Add(fieldName, _value.Unescape(line[valueStart..i], "\"\\]", controls: false));
                }

                i++;
            }

            if (i >= line.Length || line[i] != ']')
            {
                return -1;
            }

            i++;
        }

        return i;
    }

    /// <summary>After an RFC 3164 time: <c>HOSTNAME TAG[pid]: MSG</c>, where the tag and pid are optional.</summary>
    private static int ParseBsdRest(ReadOnlySpan<char> line, int i, EventRecord record)
    {
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        var start = i;
        var host = Token(line, ref i);
        if (host.IsEmpty)
        {
            return line.Length;
        }

        if (host.Contains('['))
        {
            // No host name: the tag follows the time (as in local files written without one).
            return ParseTag(line, start, record);
        }

        if (host[^1] == ':')
        {
            record.Add(SyslogNames.Hostname, host[..^1]);
            return i;
        }

        record.Add(SyslogNames.Hostname, host);
        return ParseTag(line, i, record);
    }

    private static int ParseTag(ReadOnlySpan<char> line, int i, EventRecord record)
    {
        if (i >= line.Length)
        {
            return line.Length;
        }

        var end = line[i..].IndexOfAny("[: ");
        if (end <= 0)
        {
            return i;
        }

        end += i;
        if (line[end] == '[')
        {
            var close = line[end..].IndexOf(']');
            if (close < 0)
            {
                return i;
            }

            close += end;
            var j = close + 1;
            if (j < line.Length && line[j] == ':')
            {
                j++;
            }
            else if (j < line.Length && line[j] != ' ')
            {
                return i;
            }

            record.Add(SyslogNames.AppName, line[i..end]);
            record.Add(SyslogNames.ProcId, line[(end + 1)..close]);
            return j < line.Length && line[j] == ' ' ? j + 1 : j;
        }

        if (line[end] == ':')
        {
            record.Add(SyslogNames.AppName, line[i..end]);
            var j = end + 1;
            return j < line.Length && line[j] == ' ' ? j + 1 : j;
        }

        return i;
    }
}
