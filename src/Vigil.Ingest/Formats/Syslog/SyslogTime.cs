namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// Reads the month-first times of BSD syslog (RFC 3164 <c>Mmm dd hh:mm:ss</c>) and of the devices that extend it
/// (<c>Mmm dd yyyy hh:mm:ss.fff zone</c>, <c>Mmm dd, yyyy hh:mm:ss</c>), as CEF <c>rt</c> and LEEF <c>devTime</c> also
/// write them. A time without a year gets the year that puts it at most <see cref="FutureTolerance"/> after the reference
/// time; a time without a zone is taken at the default offset (UTC unless configured).
/// </summary>
internal static class SyslogTime
{
    /// <summary>How far after the reference time a year-less time may fall: 31 days.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(31);

    /// <summary>Parses a month-first time at the start of <paramref name="text"/>.</summary>
    /// <param name="text">The text; the time must start it.</param>
    /// <param name="reference">The time a year-less time is placed near.</param>
    /// <param name="defaultOffset">The UTC offset of a time written without a zone.</param>
    /// <param name="consumed">How many characters the time (with its zone) took.</param>
    /// <param name="utcTicks">The time as UTC ticks.</param>
    /// <returns>Whether a time was read.</returns>
    public static bool TryParseMonthFirst(
        ReadOnlySpan<char> text, DateTimeOffset reference, TimeSpan defaultOffset, out int consumed, out long utcTicks)
    {
        consumed = 0;
        utcTicks = 0;
        var month = MonthOf(text);
        if (month == 0 || text.Length < 4 || text[3] != ' ')
        {
            return false;
        }

        var i = SkipSpaces(text, 3);
        if (!TryNumber(text, ref i, 1, 2, out var day) || day is < 1 or > 31)
        {
            return false;
        }

        if (i < text.Length && text[i] == ',')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ' ')
        {
            return false;
        }

        i = SkipSpaces(text, i);
        var year = 0;
        var save = i;
        if (TryNumber(text, ref i, 4, 4, out var y) && i < text.Length && text[i] == ' ')
        {
            year = y;
            i = SkipSpaces(text, i);
        }
        else
        {
            i = save;
        }

        if (!TryNumber(text, ref i, 1, 2, out var hour) || !Colon(text, ref i) || !TryNumber(text, ref i, 2, 2, out var minute)
            || !Colon(text, ref i) || !TryNumber(text, ref i, 2, 2, out var second) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        long fraction = 0;
        if (i + 1 < text.Length && text[i] is '.' or ',' && char.IsAsciiDigit(text[i + 1]))
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

        var offset = defaultOffset;
        i = ReadZone(text, i, allowAbbreviation: year != 0, ref offset);
        var timeOfDay = (((hour * 60L) + minute) * 60 + Math.Min(second, 59)) * TimeSpan.TicksPerSecond + fraction;
        consumed = i;
        if (year != 0)
        {
            if (year < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            utcTicks = new DateTime(year, month, day).Ticks + timeOfDay - offset.Ticks;
            return utcTicks > 0;
        }

        return TryInferYear(month, day, timeOfDay, offset, reference, out utcTicks);
    }

    /// <summary>Places a year-less time in the latest year that is at most <see cref="FutureTolerance"/> after the reference.</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month.</param>
    /// <param name="timeOfDay">The time of day in ticks.</param>
    /// <param name="offset">The UTC offset of the time.</param>
    /// <param name="reference">The reference time.</param>
    /// <param name="utcTicks">The time as UTC ticks.</param>
    /// <returns>Whether the date exists in one of the nine years tried (29 February).</returns>
    public static bool TryInferYear(int month, int day, long timeOfDay, TimeSpan offset, DateTimeOffset reference, out long utcTicks)
    {
        var limit = reference.UtcTicks + FutureTolerance.Ticks;
        var year = reference.UtcDateTime.Year + 1;
        for (var n = 0; n < 9 && year - n >= 2; n++)
        {
            var candidate = year - n;
            if (day > DateTime.DaysInMonth(candidate, month))
            {
                continue;
            }

            var ticks = new DateTime(candidate, month, day).Ticks + timeOfDay - offset.Ticks;
            if (ticks <= limit)
            {
                utcTicks = ticks;
                return true;
            }
        }

        utcTicks = 0;
        return false;
    }

    /// <summary>Returns the month (1–12) named by the first three letters (any case), or 0.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The month or 0.</returns>
    public static int MonthOf(ReadOnlySpan<char> text)
    {
        if (text.Length < 3)
        {
            return 0;
        }

        ReadOnlySpan<string> months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var m = 0; m < months.Length; m++)
        {
            if (text[..3].Equals(months[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Reads an optional zone after a time: <c>Z</c>, <c>UTC</c>, <c>GMT</c>, <c>±hh:mm</c>, <c>±hhmm</c> (with or without
    /// a space before it), and, when <paramref name="allowAbbreviation"/> is set, another upper-case abbreviation of 2 to 5
    /// letters (<c>IST</c>, <c>CEST</c>), which is consumed but, being ambiguous, leaves the default offset in force.
    /// </summary>
    private static int ReadZone(ReadOnlySpan<char> text, int i, bool allowAbbreviation, ref TimeSpan offset)
    {
        var j = i < text.Length && text[i] == ' ' ? i + 1 : i;
        if (j >= text.Length)
        {
            return i;
        }

        var rest = text[j..];
        var end = rest.IndexOf(' ');
        var token = end < 0 ? rest : rest[..end];
        if (token is "Z" or "UTC" or "GMT")
        {
            offset = TimeSpan.Zero;
            return j + token.Length;
        }

        if (token.Length is 5 or 6 && token[0] is '+' or '-' && (token.Length == 5 || token[3] == ':')
            && int.TryParse(token[1..3], System.Globalization.NumberStyles.None, null, out var hh)
            && int.TryParse(token[^2..], System.Globalization.NumberStyles.None, null, out var mm) && hh < 24 && mm < 60)
        {
            var minutes = (hh * 60) + mm;
            offset = TimeSpan.FromMinutes(token[0] == '-' ? -minutes : minutes);
            return j + token.Length;
        }

        if (allowAbbreviation && j > i && token.Length is >= 2 and <= 5 && !token.ContainsAnyExceptInRange('A', 'Z'))
        {
            return j + token.Length;
        }

        return i;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static bool Colon(ReadOnlySpan<char> text, ref int i)
    {
        if (i < text.Length && text[i] == ':')
        {
            i++;
            return true;
        }

        return false;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, ref int i, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < maxDigits && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        if (i - start < minDigits || (i < text.Length && char.IsAsciiDigit(text[i])))
        {
            i = start;
            return false;
        }

        return true;
    }
}
