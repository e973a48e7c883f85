using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>Counts hits by rule, ATT&amp;CK tactic and technique, and passes each hit on to the output writer.</summary>
internal sealed class HitSummary : IHitWriter
{
    private readonly IHitWriter _inner;
    private readonly Dictionary<string, HitCount> _byRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HitCount> _byTactic = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HitCount> _byTechnique = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HitCount> _byModel = new(StringComparer.Ordinal);

    public HitSummary(IHitWriter inner) => _inner = inner;

    /// <summary>Gets the number of hits.</summary>
    public long Hits { get; private set; }

    /// <summary>Gets the hit counts by rule, most hits first.</summary>
    public IReadOnlyList<HitCount> ByRule => Sorted(_byRule);

    /// <summary>Gets the hit counts by tactic, most hits first.</summary>
    public IReadOnlyList<HitCount> ByTactic => Sorted(_byTactic);

    /// <summary>Gets the hit counts by technique, most hits first.</summary>
    public IReadOnlyList<HitCount> ByTechnique => Sorted(_byTechnique);

    public void OnHit(DetectionHit hit)
    {
        Hits++;
        var rule = hit.Rule;
        Count(_byRule, rule.File + "\n" + rule.Key, rule.Id ?? rule.Key, rule.Title, rule.Level);
        foreach (var tactic in hit.Attack.Tactics)
        {
            Count(_byTactic, tactic.Id, tactic.Id, tactic.Name, null);
        }

        foreach (var technique in hit.Attack.Techniques)
        {
            Count(_byTechnique, technique.Id, technique.Id, technique.Name, null);
        }

        _inner.OnHit(hit);
    }

    /// <summary>Gets the number of behavioural findings.</summary>
    public long Findings { get; private set; }

    /// <summary>Gets the findings per model, most first.</summary>
    public IReadOnlyList<HitCount> ByModel => Sorted(_byModel);

    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        Findings++;
        Count(_byModel, finding.Model + "\n" + finding.Severity, finding.Model, finding.Kind, finding.Severity);
        foreach (var tactic in attack.Tactics)
        {
            Count(_byTactic, tactic.Id, tactic.Id, tactic.Name, null);
        }

        foreach (var technique in attack.Techniques)
        {
            Count(_byTechnique, technique.Id, technique.Id, technique.Name, null);
        }

        _inner.OnFinding(finding, attack);
    }

    public void Complete() => _inner.Complete();

    public void Dispose() => _inner.Dispose();

    private static void Count(Dictionary<string, HitCount> counts, string key, string id, string name, string? level)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            count = new HitCount(id, name, level);
            counts.Add(key, count);
        }

        count.Count++;
    }

    private static List<HitCount> Sorted(Dictionary<string, HitCount> counts)
        => [.. counts.Values.OrderByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal)];
}
