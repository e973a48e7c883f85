using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>How the organisation context weighs every model's score (<c>models/scoring.yaml</c>).</summary>
public sealed class ScoringSettings
{
    /// <summary>Gets the weight per asset criticality tier. <value>Default: low 0.9, medium 1.0, high 1.1, critical 1.25, unknown 1.0.</value></summary>
    public IReadOnlyDictionary<AssetCriticality, double> CriticalityWeights { get; init; } = new Dictionary<AssetCriticality, double>
    {
        [AssetCriticality.Unknown] = 1.0,
        [AssetCriticality.Low] = 0.9,
        [AssetCriticality.Medium] = 1.0,
        [AssetCriticality.High] = 1.1,
        [AssetCriticality.Critical] = 1.25,
    };

    /// <summary>Gets the weight for a privileged user. <value>Default: 1.2.</value></summary>
    public double PrivilegedWeight { get; init; } = ModelDefaults.PrivilegedWeight;

    /// <summary>Gets the factor inside a maintenance window covering the finding. <value>Default: 0.3.</value></summary>
    public double MaintenanceFactor { get; init; } = ModelDefaults.MaintenanceFactor;

    /// <summary>Gets the factor for activity matching an approved privileged-access pattern. <value>Default: 0.2.</value></summary>
    public double ApprovedAccessFactor { get; init; } = ModelDefaults.ApprovedAccessFactor;

    /// <summary>Gets the score from which a finding is high severity. <value>Default: 70.</value></summary>
    public double HighScore { get; init; } = ModelDefaults.HighScore;

    /// <summary>Gets the score from which a finding is critical. <value>Default: 90.</value></summary>
    public double CriticalScore { get; init; } = ModelDefaults.CriticalScore;

    /// <summary>Gets the severity of a score: low, medium, high or critical.</summary>
    /// <param name="score">The score, 0-100.</param>
    /// <param name="minScore">The model's reporting threshold (medium from there).</param>
    /// <returns>The severity name.</returns>
    public string Severity(double score, double minScore)
        => score >= CriticalScore ? "critical" : score >= HighScore ? "high" : score >= minScore ? "medium" : "low";
}
