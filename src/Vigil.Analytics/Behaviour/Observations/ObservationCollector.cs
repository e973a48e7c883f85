using System.Collections.Concurrent;

namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>
/// Collects observations from parallel hunt workers (one list each, no locking on the hot path) and hands them back in
/// time order, ties broken by source and location so that the order, and so the findings, never depend on scheduling.
/// </summary>
internal sealed class ObservationCollector
{
    private readonly ConcurrentBag<List<BehaviourObservation>> _lists = [];

    /// <summary>Gets the pool the workers intern strings in.</summary>
    public StringPool Pool { get; } = new();

    /// <summary>Creates the list one worker appends to.</summary>
    public List<BehaviourObservation> CreateWorkerList()
    {
        var list = new List<BehaviourObservation>(1024);
        _lists.Add(list);
        return list;
    }

    /// <summary>Gets the number of observations collected so far (call once the workers are done).</summary>
    public long Count => _lists.Sum(l => (long)l.Count);

    /// <summary>Merges the workers' lists and sorts them; call once the workers are done. The lists are emptied.</summary>
    public BehaviourObservation[] Drain()
    {
        var all = new BehaviourObservation[Count];
        var at = 0;
        foreach (var list in _lists)
        {
            list.CopyTo(all, at);
            at += list.Count;
            list.Clear();
            list.TrimExcess();
        }

        Array.Sort(all, static (a, b) =>
        {
            var byTime = a.Ticks.CompareTo(b.Ticks);
            if (byTime != 0)
            {
                return byTime;
            }

            var bySource = string.CompareOrdinal(a.SourceName, b.SourceName);
            return bySource != 0 ? bySource : a.Location.CompareTo(b.Location);
        });
        return all;
    }
}
