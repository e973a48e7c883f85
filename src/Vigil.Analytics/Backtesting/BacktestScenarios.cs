namespace Vigil.Analytics.Backtesting;

/// <summary>
/// The scenarios of a ground truth, prepared once for scoring: matchers indexed by time, the parent techniques and
/// scenario names as small integers, and which attack scenarios (and names) carry which parent technique.
/// </summary>
internal sealed class BacktestScenarios
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _techniqueLookup;
    private readonly bool[] _attackHasTechnique;

    public BacktestScenarios(GroundTruth truth, BacktestOptions options)
    {
        var all = new List<ScenarioMatcher>(truth.Scenarios.Count);
        var attacks = new List<ScenarioMatcher>();
        var traps = new List<ScenarioMatcher>();
        foreach (var scenario in truth.Scenarios)
        {
            var isAttack = scenario.Kind == GroundTruthScenarioKind.Attack;
            var matcher = new ScenarioMatcher(scenario, isAttack ? attacks.Count : traps.Count, options);
            (isAttack ? attacks : traps).Add(matcher);
            all.Add(matcher);
        }

        All = all;
        Attacks = attacks;
        Traps = traps;
        Index = new ScenarioTimeIndex(all);

        // Parent techniques, sorted, with the labels under each.
        var labels = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var attack in attacks)
        {
            foreach (var technique in attack.Scenario.Techniques)
            {
                var parent = Parent(technique);
                if (!labels.TryGetValue(parent, out var set))
                {
                    labels[parent] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(technique);
            }
        }

        Techniques = [.. labels.Keys];
        TechniqueLabels = [.. labels.Values.Select(s => (IReadOnlyList<string>)[.. s])];
        var techniqueIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < Techniques.Count; t++)
        {
            techniqueIndex[Techniques[t]] = t;
        }

        _techniqueLookup = techniqueIndex.GetAlternateLookup<ReadOnlySpan<char>>();

        // Names in order of first appearance.
        var nameIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        AttackName = new int[attacks.Count];
        for (var s = 0; s < attacks.Count; s++)
        {
            var name = attacks[s].Scenario.Name;
            if (!nameIndex.TryGetValue(name, out var n))
            {
                nameIndex[name] = n = names.Count;
                names.Add(name);
            }

            AttackName[s] = n;
        }

        Names = names;
        _attackHasTechnique = new bool[attacks.Count * Techniques.Count];
        var attacksByTechnique = Techniques.Select(_ => new List<int>()).ToArray();
        var namesByTechnique = Techniques.Select(_ => new SortedSet<int>()).ToArray();
        for (var s = 0; s < attacks.Count; s++)
        {
            foreach (var technique in attacks[s].Scenario.Techniques)
            {
                var t = techniqueIndex[Parent(technique)];
                if (!_attackHasTechnique[(s * Techniques.Count) + t])
                {
                    _attackHasTechnique[(s * Techniques.Count) + t] = true;
                    attacksByTechnique[t].Add(s);
                    namesByTechnique[t].Add(AttackName[s]);
                }
            }
        }

        AttacksByTechnique = [.. attacksByTechnique.Select(l => l.ToArray())];
        NamesByTechnique = [.. namesByTechnique.Select(l => l.ToArray())];
    }

    /// <summary>Gets every scenario, in ground-truth order (the time index refers to this list).</summary>
    public IReadOnlyList<ScenarioMatcher> All { get; }

    /// <summary>Gets the attack scenarios, in ground-truth order.</summary>
    public IReadOnlyList<ScenarioMatcher> Attacks { get; }

    /// <summary>Gets the benign traps, in ground-truth order.</summary>
    public IReadOnlyList<ScenarioMatcher> Traps { get; }

    /// <summary>Gets the time index over <see cref="All"/>.</summary>
    public ScenarioTimeIndex Index { get; }

    /// <summary>Gets the parent techniques labelled on attack scenarios, sorted.</summary>
    public IReadOnlyList<string> Techniques { get; }

    /// <summary>Gets, per parent technique, the labels under it, sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TechniqueLabels { get; }

    /// <summary>Gets the attack scenario names, in order of first appearance.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets, per attack scenario, the index of its name.</summary>
    public int[] AttackName { get; }

    /// <summary>Gets, per parent technique, the attack scenarios labelled with it.</summary>
    public IReadOnlyList<int[]> AttacksByTechnique { get; }

    /// <summary>Gets, per parent technique, the names with an instance labelled with it.</summary>
    public IReadOnlyList<int[]> NamesByTechnique { get; }

    /// <summary>Whether attack scenario <paramref name="attack"/> is labelled with parent technique <paramref name="technique"/>.</summary>
    /// <param name="attack">The attack index.</param>
    /// <param name="technique">The technique index.</param>
    /// <returns>Whether it is.</returns>
    public bool AttackHasTechnique(int attack, int technique) => _attackHasTechnique[(attack * Techniques.Count) + technique];

    /// <summary>Finds the index of the parent technique of an id an alert carries.</summary>
    /// <param name="id">The technique id (any case; sub-techniques count as their parent).</param>
    /// <param name="technique">The technique index.</param>
    /// <returns>Whether the id is a technique labelled in the ground truth.</returns>
    public bool TryGetTechnique(string id, out int technique)
    {
        technique = -1;
        return TechniqueIds.TryGetParent(id, out var parent) && _techniqueLookup.TryGetValue(parent, out technique);
    }

    private static string Parent(string technique)
        => TechniqueIds.TryGetParent(technique, out var parent) ? parent.ToString() : technique;
}
