namespace Vigil.Analytics.Behaviour.Models;

/// <summary>What a rare-pair model remembers of one left-hand entity: when it was active, and the partners it had.</summary>
internal sealed class PairHistory
{
    public long First { get; set; }

    public long Last { get; set; }

    /// <summary>Gets the partners seen, with the last time each was seen (bounded; the oldest forgotten first).</summary>
    public Dictionary<string, long> Seen { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the times of recent first-seen partners (for bursts), oldest first.</summary>
    public List<long> RecentNovel { get; } = [];

    public void Touch(long ticks)
    {
        if (First == 0)
        {
            First = ticks;
        }

        Last = ticks;
    }
}
