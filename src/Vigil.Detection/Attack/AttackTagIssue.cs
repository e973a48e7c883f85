namespace Vigil.Detection.Attack;

/// <summary>A remark on one <c>attack.*</c> tag of a rule.</summary>
/// <param name="Tag">The tag as written.</param>
/// <param name="Kind">What is remarkable about it.</param>
/// <param name="Detail">A one-line explanation, such as the replacement of a revoked technique.</param>
public sealed record AttackTagIssue(string Tag, AttackTagIssueKind Kind, string Detail);
