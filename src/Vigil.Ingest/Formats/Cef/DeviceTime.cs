using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// Reads the device times of CEF (<c>rt</c>, <c>end</c>, <c>start</c>) and LEEF (<c>devTime</c> without
/// <c>devTimeFormat</c>): Unix epoch milliseconds (or seconds), ISO 8601, or month-first text such as
/// <c>MMM dd yyyy HH:mm:ss[.SSS] [zone]</c> and <c>MMM dd HH:mm:ss</c> (year inferred as for RFC 3164).
/// </summary>
internal static class DeviceTime
{
    /// <summary>Parses a device time.</summary>
    /// <param name="value">The value.</param>
    /// <param name="reference">The reference time for year-less values.</param>
    /// <param name="defaultOffset">The UTC offset of values without a zone.</param>
    /// <param name="utcTicks">The time as UTC ticks.</param>
    /// <returns>Whether the value is a supported time.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, DateTimeOffset reference, TimeSpan defaultOffset, out long utcTicks)
    {
        value = value.Trim();
        utcTicks = 0;
        if (value.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(value[0]))
        {
            return EventTimestamp.TryParse(value, out utcTicks) && utcTicks > 0;
        }

        return SyslogTime.TryParseMonthFirst(value, reference, defaultOffset, out var consumed, out utcTicks)
            && value[consumed..].Trim().IsEmpty;
    }
}
