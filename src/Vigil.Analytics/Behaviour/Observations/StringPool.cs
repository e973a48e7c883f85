using System.Collections.Concurrent;

namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>A thread-safe pool that keeps one instance of each distinct string (user names, hosts, processes repeat a lot).</summary>
internal sealed class StringPool
{
    /// <summary>The most strings pooled; past it, strings are kept as given (memory stays bounded on hostile input).</summary>
    public const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>Gets how many strings are pooled.</summary>
    public int Count => _strings.Count;

    /// <summary>Returns the pooled instance of a string.</summary>
    /// <param name="value">The string, or null.</param>
    /// <returns>The pooled instance, or null.</returns>
    public string? Intern(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        return _strings.Count >= Capacity ? value : _strings.GetOrAdd(value, value);
    }
}
