namespace Vigil.Analytics.Behaviour.Findings;

/// <summary>
/// A behavioural model's finding: which model, how anomalous (score 0-100) and how sure (confidence 0-1), why in
/// words and in the numbers behind the words, the entities, the ATT&amp;CK techniques and the evidence events.
/// </summary>
public sealed class ModelFinding
{
    /// <summary>Gets the model's name.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the model's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the model settings' version.</summary>
    public required string Version { get; init; }

    /// <summary>Gets the time of the event that completed the finding.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the score after the organisation's context was applied, 0-100.</summary>
    public required double Score { get; init; }

    /// <summary>Gets the score the model gave before the context weights.</summary>
    public required double RawScore { get; init; }

    /// <summary>Gets the confidence in [0, 1]: how much baseline the judgement rests on.</summary>
    public required double Confidence { get; init; }

    /// <summary>Gets the severity: medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the explanation in plain words.</summary>
    public required string Explanation { get; init; }

    /// <summary>Gets the numbers behind the explanation.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Numbers { get; init; }

    /// <summary>Gets the context weights applied ("host criticality critical x1.25").</summary>
    public required IReadOnlyList<string> Factors { get; init; }

    /// <summary>Gets the users.</summary>
    public required IReadOnlyList<FindingEntity> Users { get; init; }

    /// <summary>Gets the hosts.</summary>
    public required IReadOnlyList<FindingEntity> Hosts { get; init; }

    /// <summary>Gets the addresses.</summary>
    public required IReadOnlyList<string> Addresses { get; init; }

    /// <summary>Gets the ATT&amp;CK technique ids.</summary>
    public required IReadOnlyList<string> Techniques { get; init; }

    /// <summary>Gets the evidence events (at most <see cref="MaxEvidence"/>).</summary>
    public required IReadOnlyList<FindingEvidence> Evidence { get; init; }

    /// <summary>The most evidence events kept per finding.</summary>
    public const int MaxEvidence = 20;
}
