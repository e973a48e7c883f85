namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The parsed <c>detection</c> section of a rule.</summary>
internal sealed class SigmaDetection
{
}
