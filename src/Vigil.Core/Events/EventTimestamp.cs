namespace Vigil.Core.Events;

/// <summary>
/// Reads event times from text without allocating: ISO 8601 / RFC 3339 (with or without a zone; no zone means UTC),
/// the same with a space instead of <c>T</c> (<c>2021-10-20 13:39:12.731903</c>), and Unix epoch numbers
/// (seconds with or without a fraction as in Zeek's <c>ts</c>, milliseconds, microseconds or nanoseconds).
/// </summary>
public static class EventTimestamp
{
    /// <summary>
    /// The field names <see cref="TryGetFromEvent"/> tries, in this order (matched ignoring case). A source's own event
    /// time comes first, generic and ingestion times (which shippers add beside it) last:
    /// Windows (<c>TimeCreated</c>, Sysmon <c>UtcTime</c>), CloudTrail (<c>eventTime</c>; NXLog's <c>EventTime</c> is the
    /// same name ignoring case), Okta (<c>published</c>), Entra ID sign-ins and Graph (<c>createdDateTime</c>), Entra ID
    /// audit logs (<c>activityDateTime</c>), Microsoft 365 (<c>CreationTime</c>), Zeek (<c>ts</c>), then
    /// Elastic/Logstash (<c>@timestamp</c>), generic (<c>timestamp</c>, <c>time</c>) and Azure Log Analytics
    /// (<c>TimeGenerated</c>, the ingestion time).
    /// </summary>
    public static IReadOnlyList<string> TimeFields { get; } =
    [
        "TimeCreated", "UtcTime", "eventTime", "published", "createdDateTime", "activityDateTime", "CreationTime", "ts",
        "@timestamp", "timestamp", "time", "TimeGenerated",
    ];

    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int MaxCandidates = 12;

    /// <summary>Parses an event time.</summary>
    /// <param name="text">The text (surrounding white space is ignored).</param>
    /// <param name="utcTicks">The time as UTC ticks, or 0 when the text is not a supported time.</param>
    /// <returns>Whether the text is a supported time.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        text = text.Trim();
        utcTicks = 0;
        if (text.Length < 4)
        {
            return false;
        }

        return text.Length > 4 && text[4] == '-' ? TryParseIso(text, out utcTicks) : TryParseEpoch(text, out utcTicks);
    }

    /// <summary>
    /// Finds the event time in the first field of <see cref="TimeFields"/> (in that order) that the event has and that
    /// parses with <see cref="TryParse"/>.
    /// </summary>
    /// <param name="record">The event.</param>
    /// <param name="utcTicks">The time as UTC ticks, or 0 when none was found.</param>
    /// <returns>Whether a time was found.</returns>
    public static bool TryGetFromEvent(EventRecord record, out long utcTicks)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<int> first = stackalloc int[MaxCandidates];
        first.Fill(-1);
        var any = false;
        for (var i = 0; i < record.FieldCount; i++)
        {
            var rank = Rank(record.NameAt(i));
            if (rank >= 0 && first[rank] < 0)
            {
                first[rank] = i;
                any = true;
            }
        }

        if (any)
        {
            foreach (var entry in first)
            {
                if (entry >= 0 && TryParse(record.ValueAt(entry), out utcTicks))
                {
                    return true;
                }
            }
        }

        utcTicks = 0;
        return false;
    }

    /// <summary>Returns the position of <paramref name="name"/> in <see cref="TimeFields"/>, or -1.</summary>
    private static int Rank(ReadOnlySpan<char> name)
    {
        // A switch on the length first keeps the common case (not a time field) to one comparison or none.
        return name.Length switch
        {
            2 => Is(name, "ts") ? 7 : -1,
            4 => Is(name, "time") ? 10 : -1,
            7 => Is(name, "UtcTime") ? 1 : -1,
            9 => Is(name, "eventTime") ? 2 : Is(name, "published") ? 3 : Is(name, "timestamp") ? 9 : -1,
            10 => Is(name, "@timestamp") ? 8 : -1,
            11 => Is(name, "TimeCreated") ? 0 : -1,
            12 => Is(name, "CreationTime") ? 6 : -1,
            13 => Is(name, "TimeGenerated") ? 11 : -1,
            15 => Is(name, "createdDateTime") ? 4 : -1,
            16 => Is(name, "activityDateTime") ? 5 : -1,
            _ => -1,
        };

        // The first-letter test (ASCII case folded) rejects almost every other name before the full comparison.
        static bool Is(ReadOnlySpan<char> name, string field)
            => (name[0] | 0x20) == (field[0] | 0x20) && name.Equals(field, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParseIso(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 10 || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var i = 10;
        if (i < s.Length && s[i] is 'T' or 't' or ' ')
        {
            // hh:mm[:ss[.fffffff…]]
            if (s.Length < i + 6 || s[i + 3] != ':'
                || !TryDigits(s.Slice(i + 1, 2), out hour) || !TryDigits(s.Slice(i + 4, 2), out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (s.Length < i + 3 || !TryDigits(s.Slice(i + 1, 2), out second) || second > 60)
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var start = i;
                    var digits = 0;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        if (digits < 7)
                        {
                            fraction = (fraction * 10) + (s[i] - '0');
                            digits++;
                        }

                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }

                    for (; digits < 7; digits++)
                    {
                        fraction *= 10;
                    }
                }
            }
        }

        if (!TryParseZone(s[i..], out var offsetMinutes))
        {
            return false;
        }

        var leap = second == 60 ? TimeSpan.TicksPerSecond : 0;
        var ticks = new DateTime(year, month, day, hour, minute, second == 60 ? 59 : second, DateTimeKind.Utc).Ticks
            + leap + fraction - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utcTicks = ticks;
        return true;
    }

    /// <summary>Parses an empty zone (UTC), <c>Z</c>, or <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>.</summary>
    private static bool TryParseZone(ReadOnlySpan<char> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (zone.IsEmpty || zone is "Z" or "z")
        {
            return true;
        }

        if (zone[0] is not ('+' or '-'))
        {
            return false;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        zone = zone[1..];
        int hours, minutes = 0;
        var ok = zone.Length switch
        {
            2 => TryDigits(zone, out hours),
            4 => TryDigits(zone[..2], out hours) && TryDigits(zone[2..], out minutes),
            5 => TryDigits(zone[..2], out hours) && zone[2] == ':' && TryDigits(zone[3..], out minutes),
            _ => TryFail(out hours),
        };
        if (!ok || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = sign * ((hours * 60) + minutes);
        return true;
    }

    /// <summary>Parses Unix epoch time: seconds (9–10 digits, optional fraction), or 12–13 digits of milliseconds,
    /// 15–16 of microseconds, 18–19 of nanoseconds.</summary>
    private static bool TryParseEpoch(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        if (!TryDigitsLong(whole, out var value))
        {
            return false;
        }

        long ticks;
        if (dot >= 0)
        {
            var fractionText = s[(dot + 1)..];
            if (whole.Length is < 9 or > 10 || fractionText.IsEmpty || !IsDigits(fractionText))
            {
                return false;
            }

            long fraction = 0;
            for (var d = 0; d < 7; d++)
            {
                fraction = (fraction * 10) + (d < fractionText.Length ? fractionText[d] - '0' : 0);
            }

            ticks = (value * TimeSpan.TicksPerSecond) + fraction;
        }
        else
        {
            switch (whole.Length)
            {
                case 9 or 10:
                    ticks = value * TimeSpan.TicksPerSecond;
                    break;
                case 12 or 13:
                    ticks = value * TimeSpan.TicksPerMillisecond;
                    break;
                case 15 or 16:
                    ticks = value * TimeSpan.TicksPerMicrosecond;
                    break;
                case 18 or 19:
                    ticks = value / 100;
                    break;
                default:
                    return false;
            }
        }

        ticks += UnixEpochTicks;
        if (ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utcTicks = ticks;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        var ok = TryDigitsLong(digits, out var wide);
        value = (int)wide;
        return ok && digits.Length <= 9;
    }

    private static bool TryDigitsLong(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 19)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = unchecked((value * 10) + (c - '0'));
        }

        // 19 digits can overflow a long; a wrapped value comes out negative.
        return value >= 0;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryFail(out int value)
    {
        value = 0;
        return false;
    }
}
