using System.Collections.Frozen;
using Vigil.Ingest.Enrichment.Network;

namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>
/// The organisation's indicators, indexed for lookups on the event path: frozen hash tables per kind, a longest-prefix
/// table for CIDR indicators. Matches honour each indicator's validity at the event's time, not the current time.
/// Immutable and thread-safe; lookups do not allocate (IPv6 parsing aside).
/// </summary>
public sealed class IndicatorSet
{
    private const int MaxDomainLabels = 127;

    private readonly FrozenDictionary<string, Indicator[]>.AlternateLookup<ReadOnlySpan<char>>[] _byKind;
    private readonly FrozenDictionary<UInt128, Indicator[]> _addresses;
    private readonly IpPrefixTable<Indicator[]> _prefixes;

    internal IndicatorSet(IReadOnlyList<Indicator> all, List<(IndicatorKind Kind, string Key, Indicator Indicator)> texts,
        List<(UInt128 Key, int Length, Indicator Indicator)> ips)
    {
        All = all;
        var kinds = Enum.GetValues<IndicatorKind>();
        _byKind = new FrozenDictionary<string, Indicator[]>.AlternateLookup<ReadOnlySpan<char>>[kinds.Length];
        foreach (var kind in kinds)
        {
            _byKind[(int)kind] = texts.Where(t => t.Kind == kind)
                .GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(g => g.Key, g => Ordered(g.Select(t => t.Indicator)), StringComparer.OrdinalIgnoreCase)
                .GetAlternateLookup<ReadOnlySpan<char>>();
        }

        _addresses = ips.Where(i => i.Length == 128).GroupBy(i => i.Key).ToFrozenDictionary(g => g.Key, g => Ordered(g.Select(i => i.Indicator)));
        _prefixes = new IpPrefixTable<Indicator[]>(
            ips.Where(i => i.Length < 128).GroupBy(i => (i.Key, i.Length)).Select(g => (g.Key.Key, g.Key.Length, Ordered(g.Select(i => i.Indicator)))));
    }

    /// <summary>Gets every indicator loaded, in file order.</summary>
    public IReadOnlyList<Indicator> All { get; }

    /// <summary>Finds an indicator of <paramref name="kind"/> for <paramref name="value"/> valid at the event's time.</summary>
    /// <param name="kind">What the value is.</param>
    /// <param name="value">The value from the event. A domain also matches indicators for its parent domains; an address also matches CIDR indicators.</param>
    /// <param name="eventUtcTicks">The event's time, UTC ticks.</param>
    /// <returns>The matching indicator with the highest confidence, or null.</returns>
    public Indicator? Match(IndicatorKind kind, ReadOnlySpan<char> value, long eventUtcTicks)
    {
        value = value.Trim();
        if (value.IsEmpty)
        {
            return null;
        }

        switch (kind)
        {
            case IndicatorKind.IpAddress:
                if (!IpKey.TryParse(value, out var key))
                {
                    return null;
                }

                if (_addresses.TryGetValue(key, out var exact) && FirstValid(exact, eventUtcTicks) is { } hit)
                {
                    return hit;
                }

                return _prefixes.Match(key, eventUtcTicks, static (list, ticks) => FirstValid(list, ticks) is not null) is { } byPrefix
                    ? FirstValid(byPrefix, eventUtcTicks)
                    : null;
            case IndicatorKind.DomainName:
                if (value[^1] == '.')
                {
                    value = value[..^1];
                }

                for (var labels = 0; labels < MaxDomainLabels && !value.IsEmpty; labels++)
                {
                    if (_byKind[(int)kind].TryGetValue(value, out var list) && FirstValid(list, eventUtcTicks) is { } domain)
                    {
                        return domain;
                    }

                    var dot = value.IndexOf('.');
                    if (dot < 0)
                    {
                        break;
                    }

                    value = value[(dot + 1)..];
                }

                return null;
            default:
                return _byKind[(int)kind].TryGetValue(value, out var found) ? FirstValid(found, eventUtcTicks) : null;
        }
    }

    /// <summary>Finds an indicator of <paramref name="kind"/> for <paramref name="value"/> valid at <paramref name="eventTime"/>.</summary>
    /// <param name="kind">What the value is.</param>
    /// <param name="value">The value from the event.</param>
    /// <param name="eventTime">The event's time.</param>
    /// <returns>The matching indicator with the highest confidence, or null.</returns>
    public Indicator? Match(IndicatorKind kind, string? value, DateTimeOffset eventTime) => Match(kind, value.AsSpan(), eventTime.UtcTicks);

    /// <summary>Counts the indicators whose validity ended before <paramref name="time"/> (stale intelligence).</summary>
    /// <param name="time">The time to compare with, usually now.</param>
    /// <returns>The number of expired indicators.</returns>
    public int CountExpired(DateTimeOffset time) => All.Count(i => i.ValidUntilTicks <= time.UtcTicks);

    private static Indicator? FirstValid(Indicator[] list, long ticks)
    {
        foreach (var indicator in list)
        {
            if (indicator.IsValidAt(ticks))
            {
                return indicator;
            }
        }

        return null;
    }

    private static Indicator[] Ordered(IEnumerable<Indicator> indicators) => [.. indicators.OrderByDescending(i => i.Confidence ?? -1)];
}
