namespace Vigil.Response.Playbooks;

/// <summary>When a playbook applies to an alert: every condition given must hold; a list matches when any item does.</summary>
/// <param name="Detectors">Detector globs (<c>rule:*</c>, <c>model:impossible-travel</c>); empty = any.</param>
/// <param name="Techniques">ATT&amp;CK ids; a parent id matches its sub-techniques; empty = any.</param>
/// <param name="MinSeverity">The lowest severity, if given.</param>
/// <param name="MinConfidence">The lowest confidence, if given.</param>
/// <param name="EntityTags">Asset tags, any of which must be on the asset; empty = any.</param>
internal sealed record PlaybookTrigger(
    IReadOnlyList<string> Detectors,
    IReadOnlyList<string> Techniques,
    ResponseSeverity? MinSeverity,
    double? MinConfidence,
    IReadOnlyList<string> EntityTags);
