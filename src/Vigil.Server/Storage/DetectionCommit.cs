namespace Vigil.Server.Storage;

/// <summary>What one detection commit stored.</summary>
internal sealed class DetectionCommit
{
    /// <summary>Gets the alerts stored for the first time.</summary>
    public List<ScoredAlert> Stored { get; } = [];

    /// <summary>Gets the incidents created or updated.</summary>
    public HashSet<string> Incidents { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets how many alerts were already stored (a replay after a crash, or the same alert raised twice).</summary>
    public int Duplicates { get; set; }

    /// <summary>Gets or sets how many new alerts an active suppression matched.</summary>
    public int Suppressed { get; set; }

    /// <summary>Gets or sets how many new alerts repeated one within the throttle window (kept as evidence, no new risk).</summary>
    public int Throttled { get; set; }
}
