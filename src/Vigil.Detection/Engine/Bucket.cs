using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>
/// The rules of one logsource variant: those without a trigger run on every event of the variant; the others run
/// only when the prefilter finds one of their needles.
/// </summary>
internal sealed class Bucket
{
    public Bucket(string name, List<RuleMatcher> always, List<(RuleMatcher Matcher, List<Needle> Needles)> triggered)
    {
        Name = name;
        Always = [.. always];
        Triggered = [.. triggered.Select(t => t.Matcher)];
        var byField = new Dictionary<int, List<(Needle, int)>>();
        for (var i = 0; i < triggered.Count; i++)
        {
            foreach (var needle in triggered[i].Needles)
            {
                if (!byField.TryGetValue(needle.FieldId, out var list))
                {
                    byField[needle.FieldId] = list = [];
                }

                list.Add((needle, i));
            }
        }

        Fields = [.. byField.OrderBy(kv => kv.Key).Select(kv => new FieldIndex(kv.Key, kv.Value))];
    }

    public string Name { get; }

    public RuleMatcher[] Always { get; }

    public RuleMatcher[] Triggered { get; }

    public FieldIndex[] Fields { get; }
}
