using System.Globalization;

namespace Vigil.Core.Text;

/// <summary>Durations as people write them in settings files: <c>30s</c>, <c>90m</c>, <c>4h</c>, <c>2d</c>, <c>1h30m</c>.</summary>
internal static class DurationText
{
    /// <summary>Parses a positive duration made of one or more number-and-unit parts (d, h, m, s; at most 6 digits each).</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration, or zero when the text is not one.</param>
    /// <returns>Whether the text is a positive duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return false;
        }

        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == span.Length || digits > 6)
            {
                duration = TimeSpan.Zero;
                return false;
            }

            var value = int.Parse(span[..digits], CultureInfo.InvariantCulture);
            TimeSpan? part = span[digits] switch
            {
                'd' => TimeSpan.FromDays(value),
                'h' => TimeSpan.FromHours(value),
                'm' => TimeSpan.FromMinutes(value),
                's' => TimeSpan.FromSeconds(value),
                _ => null,
            };
            if (part is null)
            {
                duration = TimeSpan.Zero;
                return false;
            }

            duration += part.Value;
            span = span[(digits + 1)..];
        }

        return duration > TimeSpan.Zero;
    }
}
