using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>One string alternative, reduced to the cheapest test: equals, starts with, ends with, contains, or a wildcard walk.</summary>
internal sealed class StringMatcher
{
    private readonly string _literal;
    private readonly string _pattern;
    private readonly StringComparison _comparison;
    private readonly bool _cased;

    public StringMatcher(string pattern, bool cased)
    {
        _pattern = pattern;
        _cased = cased;
        _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var inner = pattern.AsSpan();
        var leading = inner.Length > 0 && inner[0] == SigmaPattern.AnyString;
        var trailing = inner.Length > 1 && inner[^1] == SigmaPattern.AnyString;
        var core = inner[(leading ? 1 : 0)..(inner.Length - (trailing ? 1 : 0))];
        if (core.IndexOfAny(SigmaPattern.AnyString, SigmaPattern.AnyChar) >= 0 || (inner.Length == 1 && inner[0] == SigmaPattern.AnyChar))
        {
            Kind = PatternPosition.Whole;
            IsGlob = true;
            _literal = string.Empty;
        }
        else
        {
            _literal = core.ToString();
            Kind = (leading, trailing) switch
            {
                (true, true) => PatternPosition.Contains,
                (true, false) => PatternPosition.EndsWith,
                (false, true) => PatternPosition.StartsWith,
                _ => PatternPosition.Whole,
            };
            if (inner.Length == 1 && leading)
            {
                Kind = PatternPosition.Contains;
            }
        }
    }

    public PatternPosition Kind { get; }

    public bool IsGlob { get; }

    public string Literal => _literal;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (IsGlob)
        {
            return Wildcard.IsMatch(value, _pattern, _cased);
        }

        return Kind switch
        {
            PatternPosition.Whole => value.Equals(_literal, _comparison),
            PatternPosition.StartsWith => value.StartsWith(_literal, _comparison),
            PatternPosition.EndsWith => value.EndsWith(_literal, _comparison),
            _ => value.Contains(_literal, _comparison),
        };
    }
}
