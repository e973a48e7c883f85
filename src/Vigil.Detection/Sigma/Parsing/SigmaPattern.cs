using System.Text;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>
/// Sigma string values with wildcards. Unescaped <c>*</c> and <c>?</c> become the private-use markers
/// <see cref="AnyString"/> and <see cref="AnyChar"/>; <c>\*</c>, <c>\?</c> and <c>\\</c> become literals; any other backslash is literal.
/// </summary>
internal static class SigmaPattern
{
    public const char AnyString = '\uE000';
    public const char AnyChar = '\uE001';

    public static string Parse(string value)
    {
        if (value.AsSpan().IndexOfAny('*', '?', '\\') < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is '*' or '?' or '\\')
            {
                sb.Append(value[i + 1]);
                i++;
            }
            else if (c == '*')
            {
                sb.Append(AnyString);
            }
            else if (c == '?')
            {
                sb.Append(AnyChar);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny(AnyString, AnyChar) >= 0;

    /// <summary>Renders a pattern back to Sigma notation (for messages and output).</summary>
    public static string Display(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        foreach (var c in pattern)
        {
            _ = c switch
            {
                AnyString => sb.Append('*'),
                AnyChar => sb.Append('?'),
                '*' => sb.Append("\\*"),
                '?' => sb.Append("\\?"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
