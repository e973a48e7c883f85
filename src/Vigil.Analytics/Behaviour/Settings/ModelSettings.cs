namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>The settings of one behavioural model, from a file of the workspace's <c>models/</c> folder.</summary>
public sealed record ModelSettings
{
    /// <summary>Gets the model's name (unique; shown as <c>model.name</c> on findings).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the model kind (rare-pair, time-profile, volume, failed-logon, impossible-travel, privileged-group).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the settings version, shown as <c>model.version</c>. <value>Default: 1.</value></summary>
    public string Version { get; init; } = "1";

    /// <summary>Gets whether the model runs. <value>Default: true.</value></summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the learning period in days: the model only learns until this long after its first event. <value>Default: 14.</value></summary>
    public double LearningDays { get; init; } = ModelDefaults.LearningDays;

    /// <summary>Gets the lowest score (0-100) a finding is reported at. <value>Default: 40 (medium).</value></summary>
    public double MinScore { get; init; } = ModelDefaults.MinScore;

    /// <summary>Gets how long the same model stays quiet about the same entities after a finding. <value>Default: 24 h.</value></summary>
    public TimeSpan Cooldown { get; init; } = ModelDefaults.Cooldown;

    /// <summary>Gets the ATT&amp;CK techniques a finding is mapped to.</summary>
    public IReadOnlyList<string> Attack { get; init; } = [];

    /// <summary>Gets what the model is for, in a sentence.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the model-specific parameters.</summary>
    public required ModelParameters Parameters { get; init; }

    /// <summary>Gets the file the settings come from.</summary>
    public required string File { get; init; }
}
