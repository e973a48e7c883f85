namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Where a string value must occur in the field (contains, startswith, endswith, or the whole value).</summary>
internal enum PatternPosition
{
    Whole,
    Contains,
    StartsWith,
    EndsWith,
}
