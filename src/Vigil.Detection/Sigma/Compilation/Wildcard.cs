using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Matches text against a pattern with <see cref="SigmaPattern.AnyString"/> and <see cref="SigmaPattern.AnyChar"/> markers.</summary>
internal static class Wildcard
{
    public static bool IsMatch(ReadOnlySpan<char> text, string pattern, bool cased)
    {
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == SigmaPattern.AnyChar || (pattern[p] != SigmaPattern.AnyString && Same(pattern[p], text[t], cased))))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == SigmaPattern.AnyString)
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == SigmaPattern.AnyString)
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool cased)
        => a == b || (!cased && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
