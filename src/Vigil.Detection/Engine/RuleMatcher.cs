using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>A rule compiled for one logsource variant.</summary>
internal sealed record RuleMatcher(CompiledRule Rule, MatchNode Node)
{
    /// <summary>Gets or sets a dense id, so a matcher shared by several variants runs once per event.</summary>
    public int Id { get; set; }
}
