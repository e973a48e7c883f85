using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>
/// The rules of one logsource variant: those without a trigger run on every event of the variant; the others run
/// only when the prefilter finds one of their needles.
/// </summary>
internal sealed class Bucket
{
    public Bucket(string name, List<RuleMatcher> always, List<(RuleMatcher Matcher, List<List<Needle>> Clauses)> triggered)
    {
        Name = name;
        Always = [.. always];
        Triggered = [.. triggered.Select(t => t.Matcher)];
        Required = [.. triggered.Select(t => (byte)((1 << t.Clauses.Count) - 1))];
        var byField = new Dictionary<int, List<(Needle, int)>>();
        for (var i = 0; i < triggered.Count; i++)
        {
            for (var clause = 0; clause < triggered[i].Clauses.Count; clause++)
            {
                foreach (var needle in triggered[i].Clauses[clause])
                {
                    if (!byField.TryGetValue(needle.FieldId, out var list))
                    {
                        byField[needle.FieldId] = list = [];
                    }

                    // Payload: the trigger and which of its clauses the needle satisfies.
                    list.Add((needle, (i * TriggerExtractor.MaxClauses) + clause));
                }
            }
        }

        Fields = [.. byField.OrderBy(kv => kv.Key).Select(kv => new FieldIndex(kv.Key, kv.Value))];
    }

    public string Name { get; }

    public RuleMatcher[] Always { get; }

    public RuleMatcher[] Triggered { get; }

    /// <summary>Gets, per triggered matcher, the bit mask of clauses that must all be seen before it becomes a candidate.</summary>
    public byte[] Required { get; }

    public FieldIndex[] Fields { get; }
}
