using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Correlation;

/// <summary>A correlation rule given to a <see cref="CorrelationEngine"/>: the rule (its id and name identify it) and its parsed section.</summary>
/// <param name="Rule">The correlation rule; <see cref="SigmaRule.Id"/> and <see cref="SigmaRule.Name"/> are what other rules reference.</param>
/// <param name="Definition">The parsed <c>correlation</c> section.</param>
public sealed record CorrelationBinding(SigmaRule Rule, CorrelationDefinition Definition);
