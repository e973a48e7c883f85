namespace Vigil.Ingest.Formats.Auditd;

/// <summary>
/// The prefix of an audit record line: <c>[node=NODE ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL):</c>, read from bytes
/// (for <see cref="AuditdFormat.FindCut"/>) or characters (for the parser).
/// </summary>
internal static class AuditdRecordHeader
{
    /// <summary>Finds the serial of a record line without decoding it.</summary>
    /// <param name="line">The line.</param>
    /// <param name="serial">The serial.</param>
    /// <param name="isEnd">Whether the record is the end-of-event marker (<c>type=EOE</c>).</param>
    /// <returns>Whether the line has an audit stamp.</returns>
    public static bool TryGetSerial(ReadOnlySpan<byte> line, out long serial, out bool isEnd)
    {
        serial = 0;
        isEnd = line.IndexOf("type=EOE "u8) >= 0;
        var stamp = line.IndexOf("msg=audit("u8);
        if (stamp < 0)
        {
            return false;
        }

        var rest = line[(stamp + 10)..];
        var colon = rest.IndexOf((byte)':');
        var close = rest.IndexOf((byte)')');
        if (colon < 0 || close < colon + 2)
        {
            return false;
        }

        foreach (var b in rest[(colon + 1)..close])
        {
            if (b is < (byte)'0' or > (byte)'9' || serial > long.MaxValue / 10 - 10)
            {
                return false;
            }

            serial = (serial * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>Parses the record prefix.</summary>
    /// <param name="text">The line.</param>
    /// <param name="node">The node name, or empty.</param>
    /// <param name="type">The record type.</param>
    /// <param name="utcTicks">The event time as UTC ticks.</param>
    /// <param name="serial">The event serial.</param>
    /// <param name="bodyStart">Where the record's own fields start.</param>
    /// <param name="errorOffset">Where the prefix stops matching, when the method returns false.</param>
    /// <returns>Whether the prefix is well formed.</returns>
    public static bool TryParse(
        ReadOnlySpan<char> text, out Range node, out Range type, out long utcTicks, out long serial, out int bodyStart, out int errorOffset)
    {
        node = default;
        type = default;
        utcTicks = 0;
        serial = 0;
        bodyStart = 0;
        var i = 0;
        if (text.StartsWith("node=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            if (space < 0)
            {
                errorOffset = text.Length;
                return false;
            }

            node = 5..space;
            i = space + 1;
        }

        errorOffset = i;
        if (!text[i..].StartsWith("type=", StringComparison.Ordinal))
        {
            return false;
        }

        var typeEnd = text[i..].IndexOf(' ');
        if (typeEnd <= 5)
        {
            return false;
        }

        type = (i + 5)..(i + typeEnd);
        i += typeEnd + 1;
        errorOffset = i;
        if (!text[i..].StartsWith("msg=audit(", StringComparison.Ordinal))
        {
            return false;
        }

        i += 10;
        errorOffset = i;
        if (!Digits(text, ref i, out var seconds) || seconds > 253_402_300_799 || i >= text.Length)
        {
            return false;
        }

        long fraction = 0;
        if (text[i] == '.')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                scale /= 10;
                fraction += (text[i] - '0') * scale;
                i++;
            }
        }

        errorOffset = i;
        if (i >= text.Length || text[i] != ':')
        {
            return false;
        }

        i++;
        if (!Digits(text, ref i, out serial) || i >= text.Length || text[i] != ')')
        {
            errorOffset = i;
            return false;
        }

        i++;
        if (i < text.Length && text[i] == ':')
        {
            i++;
        }

        bodyStart = i;
        utcTicks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + fraction;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int i, out long value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 18)
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i > start;
    }
}
