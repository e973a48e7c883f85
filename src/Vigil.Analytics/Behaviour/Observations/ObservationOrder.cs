namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>The order observations are scored in: time, then source, then location (never scheduling-dependent).</summary>
internal static class ObservationOrder
{
    public static int Compare(BehaviourObservation a, BehaviourObservation b)
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySource = string.CompareOrdinal(a.SourceName, b.SourceName);
        return bySource != 0 ? bySource : a.Location.CompareTo(b.Location);
    }
}
