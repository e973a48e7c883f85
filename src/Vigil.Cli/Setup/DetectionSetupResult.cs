using Vigil.Detection.Attack;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Setup;

/// <summary>Loaded rules and the engine compiled from them.</summary>
/// <param name="Report">What loaded and what did not.</param>
/// <param name="Engine">The compiled engine.</param>
/// <param name="Attack">The ATT&amp;CK catalog the rules were mapped with.</param>
internal sealed record DetectionSetupResult(RuleLoadReport Report, DetectionEngine Engine, AttackCatalog Attack);
