namespace Vigil.Detection.Correlation;

/// <summary>Resolves references between correlations (chains), finds cycles and orders correlations so producers come first.</summary>
internal static class CorrelationGraph
{
    /// <summary>
    /// Links <paramref name="states"/> to each other and fills <paramref name="consumers"/> (detection rule reference to the
    /// correlations reading it). Returns the states in evaluation order.
    /// </summary>
    public static List<CorrelationState> Link(
        List<CorrelationState> states, Dictionary<string, List<(CorrelationState State, int Slot)>> consumers)
    {
        var byReference = new Dictionary<string, CorrelationState>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in states)
        {
            foreach (var reference in new[] { state.Rule.Id, state.Rule.Name })
            {
                if (reference is null)
                {
                    continue;
                }

                if (byReference.TryGetValue(reference, out var other) && !ReferenceEquals(other, state))
                {
                    throw new ArgumentException($"Two correlation rules are identified as '{reference}'.", nameof(states));
                }

                byReference[reference] = state;
            }
        }

        foreach (var state in states)
        {
            var rules = state.Definition.Rules;
            for (var slot = 0; slot < rules.Count; slot++)
            {
                if (byReference.TryGetValue(rules[slot], out var upstream))
                {
                    if (ReferenceEquals(upstream, state))
                    {
                        throw new ArgumentException($"Correlation rule '{state.Rule.Key}' references itself.", nameof(states));
                    }

                    state.Upstream.Add(upstream);
                    upstream.Downstream.Add((state, slot));
                }
                else
                {
                    state.HasRuleInputs = true;
                    if (!consumers.TryGetValue(rules[slot], out var list))
                    {
                        consumers[rules[slot]] = list = [];
                    }

                    list.Add((state, slot));
                }
            }
        }

        foreach (var state in states)
        {
            // Spec: with generate false (the default) the rules a correlation references do not report on their own.
            state.Reported = state.Downstream.Count == 0 || state.Downstream.Exists(d => d.State.Definition.Generate);
        }

        return Order(states);
    }

    private static List<CorrelationState> Order(List<CorrelationState> states)
    {
        var remaining = states.ToDictionary(s => s, s => s.Upstream.Distinct().Count());
        var ordered = new List<CorrelationState>(states.Count);
        while (ordered.Count < states.Count)
        {
            // The first ready state in input order keeps the order stable.
            var next = states.Find(s => remaining.TryGetValue(s, out var n) && n == 0);
            if (next is null)
            {
                var cycle = string.Join(", ", remaining.Keys.Select(s => s.Rule.Key));
                throw new ArgumentException($"Correlation rules reference each other in a cycle: {cycle}.", nameof(states));
            }

            remaining.Remove(next);
            next.Order = ordered.Count;
            ordered.Add(next);
            foreach (var (downstream, _) in next.Downstream.DistinctBy(d => d.State))
            {
                remaining[downstream]--;
            }
        }

        return ordered;
    }
}
