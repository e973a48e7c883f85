using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Engine;

/// <summary>A rule the engine runs: its identity and what to do with its hits.</summary>
internal sealed class CompiledRule
{
    public required int Index { get; init; }

    public required SigmaRule Rule { get; init; }

    public AttackMapping Attack { get; init; } = AttackMapping.Empty;

    /// <summary>Gets whether hits are reported (false for base rules of correlations with generate: false, or not selected).</summary>
    public bool Emit { get; set; } = true;

    /// <summary>Gets whether hits feed the correlation engine.</summary>
    public bool FeedsCorrelation { get; set; }
}
