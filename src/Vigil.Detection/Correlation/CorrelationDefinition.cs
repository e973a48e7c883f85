namespace Vigil.Detection.Correlation;

/// <summary>The <c>correlation</c> section of a Sigma correlation rule. (Placeholder: replaced by the correlation work.)</summary>
public sealed class CorrelationDefinition
{
}
