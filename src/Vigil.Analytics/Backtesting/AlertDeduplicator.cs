using System.Globalization;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Collapses alerts into what an analyst would see as one alert: same detector, same entity key (the users, hosts and
/// addresses, lower-cased, sorted and without repeats), and a time within the window of the group's first alert.
/// Alerts are taken in time order (ties in input order); a later alert outside the window starts a new group.
/// </summary>
internal static class AlertDeduplicator
{
    private const char ValueSeparator = '\u001f';
    private const char ListSeparator = '\u001e';

    /// <summary>Deduplicates <paramref name="alerts"/>.</summary>
    /// <param name="alerts">The raw alerts, in any order.</param>
    /// <param name="window">How long after a group's first alert others still join it (inclusive).</param>
    /// <returns>The deduplicated alerts, by time.</returns>
    /// <exception cref="ArgumentException">An alert is null, has no detector, no lists, or an unknown severity.</exception>
    public static List<DeduplicatedAlert> Deduplicate(IReadOnlyList<BacktestAlert> alerts, TimeSpan window)
    {
        var order = new (long Ticks, int Index)[alerts.Count];
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i] ?? throw new ArgumentException(Describe(i, null, "is null"), nameof(alerts));
            order[i] = (alert.Time.UtcTicks, i);
        }

        Array.Sort(order);

        // Open groups by key. Alerts come in time order, so a group whose first alert is more than the window behind the
        // current alert can never grow again: it is dropped from the dictionary, which then holds one window of groups.
        var groups = new Dictionary<string, DeduplicatedAlert>(StringComparer.Ordinal);
        var lookup = groups.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new List<DeduplicatedAlert>();
        var keys = new List<string>();
        var closed = 0;
        var key = new KeyBuilder();
        foreach (var (ticks, index) in order)
        {
            var alert = alerts[index];
            var severity = Check(alert, out var problem);
            if (problem is not null)
            {
                throw new ArgumentException(Describe(index, alert, problem), nameof(alerts));
            }

            for (; closed < result.Count && ticks - result[closed].Time.UtcTicks > window.Ticks; closed++)
            {
                if (groups.TryGetValue(keys[closed], out var open) && ReferenceEquals(open, result[closed]))
                {
                    groups.Remove(keys[closed]);
                }

                keys[closed] = string.Empty;
            }

            var span = key.Build(alert);
            if (lookup.TryGetValue(span, out var group) && ticks - group.Time.UtcTicks <= window.Ticks)
            {
                group.Merge(alert, severity);
                continue;
            }

            group = new DeduplicatedAlert(alert, severity);
            var text = span.ToString();
            groups[text] = group;
            keys.Add(text);
            result.Add(group);
        }

        return result;
    }

    private static BacktestSeverity Check(BacktestAlert alert, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(alert.Detector))
        {
            problem = "has no detector";
        }
        else if (alert.Techniques is null || alert.Users is null || alert.Hosts is null || alert.Addresses is null)
        {
            problem = "has a null list (techniques, users, hosts and addresses may be empty, not null)";
        }
        else if (!BacktestSeverities.TryParse(alert.Severity, out var severity))
        {
            problem = $"has severity \"{alert.Severity}\", not one of informational, low, medium, high, critical";
        }
        else
        {
            return severity;
        }

        return default;
    }

    private static string Describe(int index, BacktestAlert? alert, string reason)
    {
        var what = alert is null
            ? string.Create(CultureInfo.InvariantCulture, $"alert {index}")
            : string.Create(CultureInfo.InvariantCulture, $"alert {index} ({alert.Detector} at {BacktestTime.Format(alert.Time)})");
        return $"{what} {reason}.";
    }

    /// <summary>Builds the group key (detector and entity key) in a reused buffer.</summary>
    private sealed class KeyBuilder
    {
        private readonly List<string> _values = [];
        private char[] _buffer = new char[256];
        private int _length;

        public ReadOnlySpan<char> Build(BacktestAlert alert)
        {
            _length = 0;
            Append(alert.Detector);
            AppendList(alert.Users);
            AppendList(alert.Hosts);
            AppendList(alert.Addresses);
            return _buffer.AsSpan(0, _length);
        }

        private void AppendList(IReadOnlyList<string> list)
        {
            Append(ListSeparator);
            _values.Clear();
            foreach (var value in list)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    _values.Add(value.Trim());
                }
            }

            _values.Sort(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _values.Count; i++)
            {
                if (i > 0 && string.Equals(_values[i], _values[i - 1], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Append(ValueSeparator);
                AppendLower(_values[i]);
            }
        }

        private void AppendLower(string value)
        {
            Reserve(value.Length);
            _length += value.AsSpan().ToLowerInvariant(_buffer.AsSpan(_length));
        }

        private void Append(string value)
        {
            Reserve(value.Length);
            value.AsSpan().CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
        }

        private void Append(char c)
        {
            Reserve(1);
            _buffer[_length++] = c;
        }

        private void Reserve(int count)
        {
            if (_length + count > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
            }
        }
    }
}
