using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>
/// The rules of one logsource variant: those without a trigger run on every event of the variant; the others run
/// only when the prefilter (shared by all buckets, see <see cref="Prefilter"/>) finds their needles.
/// </summary>
internal sealed class Bucket
{
    public Bucket(string name, List<RuleMatcher> always, List<(RuleMatcher Matcher, List<List<Needle>> Clauses)> triggered)
    {
        Name = name;
        Always = [.. always];
        Triggered = [.. triggered.Select(t => t.Matcher)];
        Required = [.. triggered.Select(t => (byte)((1 << t.Clauses.Count) - 1))];
        Clauses = [.. triggered.Select(t => t.Clauses)];
    }

    public string Name { get; }

    public RuleMatcher[] Always { get; }

    public RuleMatcher[] Triggered { get; }

    /// <summary>Gets, per triggered matcher, the bit mask of clauses that must all be seen before it becomes a candidate.</summary>
    public byte[] Required { get; }

    /// <summary>Gets, per triggered matcher, its trigger: clauses of needles (one needle of each clause must be found).</summary>
    public List<List<Needle>>[] Clauses { get; }

    /// <summary>Gets or sets the position of the bucket in the prefilter.</summary>
    public int Index { get; set; }

    /// <summary>Gets or sets the prefilter's id of this bucket's first triggered matcher (the others follow).</summary>
    public int TriggerBase { get; set; }
}
