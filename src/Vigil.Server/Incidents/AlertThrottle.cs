namespace Vigil.Server.Incidents;

/// <summary>
/// The detection worker's memory of the alerts it stored recently, by throttle key (detector and entities), so repeats
/// are recognised without a query each. Bounded: past <see cref="Capacity"/> keys, those whose window has closed are
/// forgotten; the store is asked when a key is not here (after a restart, for instance).
/// </summary>
internal sealed class AlertThrottle
{
    /// <summary>The most keys kept.</summary>
    public const int Capacity = 100_000;

    private readonly Dictionary<string, (string AlertId, long FirstMs)> _open = new(StringComparer.Ordinal);

    /// <summary>Finds the stored alert an alert at <paramref name="timeMs"/> repeats, if any.</summary>
    /// <param name="key">The throttle key.</param>
    /// <param name="timeMs">The new alert's time.</param>
    /// <param name="windowMs">The throttle window.</param>
    /// <returns>The first alert's id, or null.</returns>
    public string? Find(string key, long timeMs, long windowMs)
        => _open.TryGetValue(key, out var first) && timeMs >= first.FirstMs && timeMs - first.FirstMs <= windowMs ? first.AlertId : null;

    /// <summary>Remembers a stored alert as the first of its key.</summary>
    /// <param name="key">The throttle key.</param>
    /// <param name="alertId">The alert.</param>
    /// <param name="timeMs">Its time.</param>
    /// <param name="windowMs">The throttle window.</param>
    public void Remember(string key, string alertId, long timeMs, long windowMs)
    {
        if (_open.Count >= Capacity && !_open.ContainsKey(key))
        {
            foreach (var stale in _open.Where(e => timeMs - e.Value.FirstMs > windowMs).Select(e => e.Key).ToList())
            {
                _open.Remove(stale);
            }

            if (_open.Count >= Capacity)
            {
                _open.Clear();
            }
        }

        _open[key] = (alertId, timeMs);
    }
}
