using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>A rule compiled for one logsource variant.</summary>
internal sealed record RuleMatcher(CompiledRule Rule, MatchNode Node);
