namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>The models folder as loaded: each model's settings, the scoring settings, and every problem found.</summary>
public sealed class ModelCatalog
{
    /// <summary>Gets the models' settings, in file order (disabled ones included).</summary>
    public required IReadOnlyList<ModelSettings> Models { get; init; }

    /// <summary>Gets the scoring settings (defaults when the folder has no scoring.yaml).</summary>
    public required ScoringSettings Scoring { get; init; }

    /// <summary>Gets the problems, by file then line. A broken file is skipped; the others load.</summary>
    public required IReadOnlyList<ModelError> Errors { get; init; }
}
