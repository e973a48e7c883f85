using System.Globalization;

namespace Vigil.Simulation.Events;

/// <summary>Times as UTC ticks, and the texts each log format writes them as (invariant culture).</summary>
internal static class SimTime
{
    /// <summary>Ticks in a second.</summary>
    public const long Second = TimeSpan.TicksPerSecond;

    /// <summary>Ticks in a minute.</summary>
    public const long Minute = TimeSpan.TicksPerMinute;

    /// <summary>Ticks in an hour.</summary>
    public const long Hour = TimeSpan.TicksPerHour;

    /// <summary>Ticks in a day.</summary>
    public const long Day = TimeSpan.TicksPerDay;

    /// <summary>Windows <c>TimeCreated/@SystemTime</c>: <c>2026-10-05T08:01:02.1234567Z</c>.</summary>
    public static string Windows(long ticks) => Utc(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Sysmon <c>UtcTime</c>: <c>2026-10-05 08:01:02.123</c>.</summary>
    public static string Sysmon(long ticks) => Utc(ticks).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>rsyslog high-precision time: <c>2026-10-05T08:01:02.123456+00:00</c>.</summary>
    public static string Syslog(long ticks) => Utc(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>CEF <c>rt</c>: <c>Oct 05 2026 08:01:02 UTC</c>.</summary>
    public static string Cef(long ticks) => Utc(ticks).ToString("MMM dd yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 to the second: <c>2026-10-05T08:01:02Z</c> (CloudTrail, truth).</summary>
    public static string Iso(long ticks) => Utc(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date: <c>2026-10-05</c>.</summary>
    public static string Date(long ticks) => Utc(ticks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short time of day: <c>03:07</c>.</summary>
    public static string HourMinute(long ticks) => Utc(ticks).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day of the week of a time.</summary>
    public static DayOfWeek DayOfWeek(long ticks) => Utc(ticks).DayOfWeek;

    /// <summary>Whether a time falls on a Saturday or Sunday.</summary>
    public static bool IsWeekend(long ticks) => DayOfWeek(ticks) is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday;

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
