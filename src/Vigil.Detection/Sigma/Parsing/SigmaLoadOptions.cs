namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Settings for loading Sigma rules.</summary>
public sealed class SigmaLoadOptions
{
    /// <summary>
    /// Gets the values of <c>%placeholder%</c> names used with the <c>expand</c> modifier.
    /// A rule that uses a placeholder not listed here loads, with a warning, and that value never matches.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; }
        = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
}
