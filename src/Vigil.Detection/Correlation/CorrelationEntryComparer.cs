namespace Vigil.Detection.Correlation;

/// <summary>
/// The total order of buffered events: time, then the rule's position in <c>rules</c>, then source, location, value and a
/// content hash. It depends only on the events, never on their arrival order.
/// </summary>
internal sealed class CorrelationEntryComparer : IComparer<CorrelationEntry>
{
    public static readonly CorrelationEntryComparer Instance = new();

    public int Compare(CorrelationEntry? x, CorrelationEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = x.Time.CompareTo(y.Time);
        if (c != 0)
        {
            return c;
        }

        c = x.Slot.CompareTo(y.Slot);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Event.SourceName, y.Event.SourceName);
        if (c != 0)
        {
            return c;
        }

        c = x.Event.Location.CompareTo(y.Event.Location);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Value, y.Value);
        return c != 0 ? c : x.Fingerprint.CompareTo(y.Fingerprint);
    }
}
