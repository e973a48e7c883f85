namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The date component a time modifier extracts.</summary>
internal enum TimePart
{
    None,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
