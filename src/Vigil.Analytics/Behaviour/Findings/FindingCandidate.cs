using Vigil.Analytics.Behaviour.Observations;

namespace Vigil.Analytics.Behaviour.Findings;

/// <summary>What a model reports before the engine weighs it with the organisation's context.</summary>
internal sealed class FindingCandidate
{
    /// <summary>Gets or sets the model's score, 0-100.</summary>
    public required double Score { get; set; }

    /// <summary>Gets or sets the confidence, 0-1.</summary>
    public required double Confidence { get; set; }

    public required string Explanation { get; set; }

    /// <summary>Gets the key the cooldown is kept by (for example the user, or the user and host).</summary>
    public required string Key { get; init; }

    public List<KeyValuePair<string, double>> Numbers { get; } = [];

    /// <summary>Gets or sets the user the finding is about.</summary>
    public string? User { get; set; }

    public string? UserRaw { get; set; }

    /// <summary>Gets or sets the host the finding is about (weighted by its criticality).</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the source host (for approved access patterns).</summary>
    public string? SourceHost { get; set; }

    public List<string> Addresses { get; } = [];

    /// <summary>Gets or sets whether the user's privilege weighs the score.</summary>
    public bool WeighPrivilege { get; set; } = true;

    /// <summary>Gets or sets whether maintenance windows and approved patterns may lower the score.</summary>
    public bool Suppressible { get; set; } = true;

    public List<BehaviourObservation> Evidence { get; } = [];

    /// <summary>Gets or sets the event time.</summary>
    public long Ticks { get; set; }

    public void Number(string name, double value) => Numbers.Add(new(name, Math.Round(value, 4)));
}
