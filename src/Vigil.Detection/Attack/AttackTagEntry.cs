namespace Vigil.Detection.Attack;

/// <summary>What one <c>attack.</c> tag suffix maps to: a tactic, or a technique with the tactics its catalog row lists.</summary>
internal sealed class AttackTagEntry
{
    private AttackTagEntry(AttackTechnique? technique, ulong tactics, AttackTagIssueKind? issue, string detail)
    {
        Technique = technique;
        Tactics = tactics;
        Issue = issue;
        Detail = detail;
    }

    /// <summary>Gets the technique, or null for a tactic tag.</summary>
    public AttackTechnique? Technique { get; }

    /// <summary>Gets the tactic (tactic tag) or the technique's tactics, as a mask over the catalog's tactic indexes.</summary>
    public ulong Tactics { get; }

    /// <summary>Gets the remark to report for the tag, or null.</summary>
    public AttackTagIssueKind? Issue { get; }

    /// <summary>Gets the remark's explanation, or empty.</summary>
    public string Detail { get; }

    public static AttackTagEntry ForTactic(int index, AttackTagIssueKind? issue = null, string detail = "")
        => new(null, 1UL << index, issue, detail);

    public static AttackTagEntry ForTechnique(AttackTechnique technique, ulong tactics, AttackTagIssueKind? issue = null, string detail = "")
        => new(technique, tactics, issue, detail);
}
