namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Finds the scenarios whose match window may contain a time without looking at every scenario. The window ends split
/// the time line into segments; each segment lists the scenarios covering its first instant (a superset of those
/// covering any instant of it, since every window end is a segment boundary). A lookup is a binary search; callers still
/// check the exact window. Memory is O(boundaries × scenarios), fine for hundreds of scenarios.
/// </summary>
internal sealed class ScenarioTimeIndex
{
    private readonly long[] _boundaries;
    private readonly int[] _offsets;
    private readonly int[] _candidates;

    /// <summary>Builds the index.</summary>
    /// <param name="matchers">The scenarios.</param>
    public ScenarioTimeIndex(IReadOnlyList<ScenarioMatcher> matchers)
    {
        _boundaries = matchers.SelectMany(m => new[] { m.WindowStart, m.WindowEnd }).Distinct().Order().ToArray();
        _offsets = new int[_boundaries.Length + 1];
        var candidates = new List<int>();
        for (var k = 0; k < _boundaries.Length; k++)
        {
            _offsets[k] = candidates.Count;
            for (var i = 0; i < matchers.Count; i++)
            {
                if (matchers[i].Covers(_boundaries[k]))
                {
                    candidates.Add(i);
                }
            }
        }

        _offsets[_boundaries.Length] = candidates.Count;
        _candidates = [.. candidates];
    }

    /// <summary>Gets the indices of the scenarios whose window may contain <paramref name="ticks"/> (UTC).</summary>
    /// <param name="ticks">The time in UTC ticks.</param>
    /// <returns>The candidate indices (empty when none).</returns>
    public ReadOnlySpan<int> Candidates(long ticks)
    {
        var k = Array.BinarySearch(_boundaries, ticks);
        if (k < 0)
        {
            // ~k is the first boundary after ticks; the segment starts at the one before it.
            k = ~k - 1;
            if (k < 0)
            {
                return [];
            }
        }

        return _candidates.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]);
    }
}
