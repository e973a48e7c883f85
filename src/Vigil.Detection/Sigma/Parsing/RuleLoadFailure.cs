namespace Vigil.Detection.Sigma.Parsing;

/// <summary>A rule document (or file) that did not load.</summary>
/// <param name="Diagnostic">Where and why.</param>
/// <param name="RuleId">The rule id when it could be read, else null.</param>
/// <param name="Title">The rule title when it could be read, else null.</param>
public sealed record RuleLoadFailure(RuleDiagnostic Diagnostic, string? RuleId, string? Title);
