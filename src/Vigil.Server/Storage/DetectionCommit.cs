namespace Vigil.Server.Storage;

/// <summary>What one detection commit stored.</summary>
internal sealed class DetectionCommit
{
    /// <summary>Gets the alerts stored for the first time.</summary>
    public List<ScoredAlert> Stored { get; } = [];

    /// <summary>Gets the alerts stored as new (not suppressed): what response playbooks look at.</summary>
    public List<Pipeline.PipelineAlert> New { get; } = [];

    /// <summary>Gets the incidents created or updated.</summary>
    public HashSet<string> Incidents { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets how many alerts were already stored (a replay after a crash, or the same alert raised twice).</summary>
    public int Duplicates { get; set; }

    /// <summary>Gets or sets how many new alerts an active suppression matched.</summary>
    public int Suppressed { get; set; }

    /// <summary>Gets or sets how many alerts repeated a stored one within the throttle window (counted on it, not stored).</summary>
    public int Throttled { get; set; }
}
