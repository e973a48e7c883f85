using Vigil.Ingest.Formats.Syslog;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// Parses a time by a Java <c>SimpleDateFormat</c> pattern, as LEEF <c>devTimeFormat</c> gives it. Supported letters:
/// <c>y</c> (<c>yy</c> means 20yy), <c>M</c> (number, or name with 3 or more), <c>d</c>, <c>H</c>, <c>k</c>, <c>h</c>,
/// <c>K</c>, <c>a</c>, <c>m</c>, <c>s</c>, <c>S</c> (fraction digits), <c>E</c> (day name, skipped), <c>z</c>, <c>Z</c>,
/// <c>X</c> (<c>Z</c>, <c>UTC</c>, <c>GMT</c>, <c>±hh[:]mm</c>; other abbreviations are skipped and the default offset is
/// used); quoted text and other characters are literals. A pattern without a year infers it as for RFC 3164.
/// </summary>
internal static class JavaDateFormat
{
    /// <summary>Parses <paramref name="value"/> by <paramref name="pattern"/>.</summary>
    /// <param name="value">The time text.</param>
    /// <param name="pattern">The SimpleDateFormat pattern.</param>
    /// <param name="reference">The reference time for a pattern without a year.</param>
    /// <param name="defaultOffset">The UTC offset when the pattern has no zone.</param>
    /// <param name="utcTicks">The time as UTC ticks.</param>
    /// <returns>Whether the value matches the pattern.</returns>
    public static bool TryParse(
        ReadOnlySpan<char> value, ReadOnlySpan<char> pattern, DateTimeOffset reference, TimeSpan defaultOffset, out long utcTicks)
    {
        utcTicks = 0;
        value = value.Trim();
        pattern = pattern.Trim();
        int year = -1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var pm = -1;
        var hour12 = false;
        var offset = defaultOffset;
        var v = 0;
        for (var p = 0; p < pattern.Length;)
        {
            var c = pattern[p];
            var run = 1;
            while (p + run < pattern.Length && pattern[p + run] == c)
            {
                run++;
            }

            if (c == '\'')
            {
                if (!MatchQuoted(value, ref v, pattern, ref p))
                {
                    return false;
                }

                continue;
            }

            p += run;
            hour12 |= c is 'h' or 'K';
            var ok = c switch
            {
                'y' => Year(value, ref v, run, out year),
                'M' when run >= 3 => MonthName(value, ref v, out month),
                'M' => Number(value, ref v, 2, out month),
                'd' => Number(value, ref v, 2, out day),
                'H' or 'k' => Number(value, ref v, 2, out hour),
                'h' or 'K' => Number(value, ref v, 2, out hour),
                'm' => Number(value, ref v, 2, out minute),
                's' => Number(value, ref v, 2, out second),
                'S' => Fraction(value, ref v, out fraction),
                'a' => AmPm(value, ref v, out pm),
                'E' => SkipLetters(value, ref v),
                'z' or 'Z' or 'X' => Zone(value, ref v, ref offset),
                _ when char.IsAsciiLetter(c) => false,
                _ => Literal(value, ref v, c, run),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (hour12 && pm >= 0)
        {
            hour = (hour % 12) + (pm == 1 ? 12 : 0);
        }

        if (v != value.Length || month is < 1 or > 12 || day < 1 || hour > 24 || minute > 59 || second > 60)
        {
            return false;
        }

        var timeOfDay = ((((hour * 60L) + minute) * 60) + Math.Min(second, 59)) * TimeSpan.TicksPerSecond + fraction;
        if (year < 0)
        {
            return SyslogTime.TryInferYear(month, day, timeOfDay, offset, reference, out utcTicks);
        }

        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        utcTicks = new DateTime(year, month, day).Ticks + timeOfDay - offset.Ticks;
        return utcTicks > 0;
    }

    private static bool Number(ReadOnlySpan<char> value, ref int v, int maxDigits, out int number)
    {
        number = 0;
        var start = v;
        while (v < value.Length && v - start < maxDigits && char.IsAsciiDigit(value[v]))
        {
            number = (number * 10) + (value[v] - '0');
            v++;
        }

        return v > start;
    }

    private static bool Year(ReadOnlySpan<char> value, ref int v, int run, out int year)
    {
        var start = v;
        if (!Number(value, ref v, run == 2 ? 2 : 4, out year))
        {
            return false;
        }

        if (v - start == 2 && run == 2)
        {
            year += 2000;
        }

        return true;
    }

    private static bool Fraction(ReadOnlySpan<char> value, ref int v, out long fraction)
    {
        fraction = 0;
        var start = v;
        var scale = TimeSpan.TicksPerSecond;
        while (v < value.Length && char.IsAsciiDigit(value[v]))
        {
            scale /= 10;
            fraction += (value[v] - '0') * scale;
            v++;
        }

        return v > start;
    }

    private static bool MonthName(ReadOnlySpan<char> value, ref int v, out int month)
    {
        month = SyslogTime.MonthOf(value[v..]);
        if (month == 0)
        {
            return false;
        }

        return SkipLetters(value, ref v);
    }

    private static bool SkipLetters(ReadOnlySpan<char> value, ref int v)
    {
        var start = v;
        while (v < value.Length && char.IsAsciiLetter(value[v]))
        {
            v++;
        }

        return v > start;
    }

    private static bool AmPm(ReadOnlySpan<char> value, ref int v, out int pm)
    {
        pm = -1;
        if (v + 2 > value.Length)
        {
            return false;
        }

        var text = value.Slice(v, 2);
        pm = text.Equals("AM", StringComparison.OrdinalIgnoreCase) ? 0 : text.Equals("PM", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
        v += 2;
        return pm >= 0;
    }

    private static bool Zone(ReadOnlySpan<char> value, ref int v, ref TimeSpan offset)
    {
        if (v >= value.Length)
        {
            return false;
        }

        if (value[v] is '+' or '-')
        {
            var sign = value[v] == '-' ? -1 : 1;
            v++;
            if (!Number(value, ref v, 2, out var hh))
            {
                return false;
            }

            if (v < value.Length && value[v] == ':')
            {
                v++;
            }

            var mm = 0;
            if (v < value.Length && char.IsAsciiDigit(value[v]) && !Number(value, ref v, 2, out mm))
            {
                return false;
            }

            offset = TimeSpan.FromMinutes(sign * ((hh * 60) + mm));
            return hh < 24 && mm < 60;
        }

        var start = v;
        if (!SkipLetters(value, ref v))
        {
            return false;
        }

        var name = value[start..v];
        if (name is "Z" or "UTC" or "GMT")
        {
            offset = TimeSpan.Zero;
            if (v < value.Length && value[v] is '+' or '-')
            {
                return Zone(value, ref v, ref offset);
            }
        }

        return true;
    }

    private static bool Literal(ReadOnlySpan<char> value, ref int v, char c, int run)
    {
        for (var n = 0; n < run; n++)
        {
            if (v >= value.Length || value[v] != c)
            {
                return false;
            }

            v++;
        }

        if (c == ' ')
        {
            while (v < value.Length && value[v] == ' ')
            {
                v++;
            }
        }

        return true;
    }

    private static bool MatchQuoted(ReadOnlySpan<char> value, ref int v, ReadOnlySpan<char> pattern, ref int p)
    {
        p++;
        if (p < pattern.Length && pattern[p] == '\'')
        {
            p++;
            return Literal(value, ref v, '\'', 1);
        }

        while (p < pattern.Length && pattern[p] != '\'')
        {
            if (v >= value.Length || value[v] != pattern[p])
            {
                return false;
            }

            v++;
            p++;
        }

        p++;
        return true;
    }
}
