using System.Text;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, conservatively: only characters outside
/// any group, class or alternation count, and a character made optional by a following quantifier is dropped.
/// Returns null when no such literal of at least <see cref="MinLength"/> characters is found.
/// </summary>
internal static class RegexLiteral
{
    public const int MinLength = 3;

    public static string? Extract(string pattern)
    {
        if (pattern.Contains("(?x", StringComparison.Ordinal) || pattern.Contains("(?-", StringComparison.Ordinal))
        {
            return null;
        }

        var best = string.Empty;
        var run = new StringBuilder();
        var depth = 0;
        var i = 0;

        void EndRun()
        {
            if (run.Length > best.Length)
            {
                best = run.ToString();
            }

            run.Clear();
        }

        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return null;
                    }

                    var next = pattern[i + 1];
                    if (depth == 0 && !char.IsLetterOrDigit(next))
                    {
                        i += 2;
                        if (OptionalFollows(pattern, i))
                        {
                            EndRun();
                        }
                        else
                        {
                            run.Append(next);
                            if (QuantifierFollows(pattern, i))
                            {
                                EndRun();
                            }
                        }

                        continue;
                    }

                    EndRun();
                    i += 2;
                    continue;
                case '[':
                    EndRun();
                    i = SkipClass(pattern, i);
                    if (i < 0)
                    {
                        return null;
                    }

                    continue;
                case '(':
                    EndRun();
                    depth++;
                    i++;
                    continue;
                case ')':
                    EndRun();
                    depth--;
                    i++;
                    continue;
                case '|':
                    if (depth == 0)
                    {
                        return null;
                    }

                    i++;
                    continue;
                case '{':
                    // A quantifier's bounds are not literal text: skip to the closing brace.
                    EndRun();
                    var close = pattern.IndexOf('}', i + 1);
                    i = close < 0 ? pattern.Length : close + 1;
                    continue;
                case '.' or '^' or '$' or '*' or '+' or '?' or '}':
                    EndRun();
                    i++;
                    continue;
                default:
                    i++;
                    if (depth != 0)
                    {
                        continue;
                    }

                    if (OptionalFollows(pattern, i))
                    {
                        EndRun();
                    }
                    else
                    {
                        run.Append(c);
                        if (QuantifierFollows(pattern, i))
                        {
                            EndRun();
                        }
                    }

                    continue;
            }
        }

        EndRun();
        return best.Length >= MinLength ? best : null;
    }

    /// <summary>A quantifier that allows zero repetitions (the previous character may be absent).</summary>
    private static bool OptionalFollows(string pattern, int i)
        => i < pattern.Length && (pattern[i] is '*' or '?' || (pattern[i] == '{' && i + 1 < pattern.Length && pattern[i + 1] == '0'));

    /// <summary>Any quantifier: the previous character is present but what follows it is not adjacent.</summary>
    private static bool QuantifierFollows(string pattern, int i)
        => i < pattern.Length && pattern[i] is '+' or '{';

    private static int SkipClass(string pattern, int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        while (i < pattern.Length && pattern[i] != ']')
        {
            i += pattern[i] == '\\' ? 2 : 1;
        }

        return i < pattern.Length ? i + 1 : -1;
    }
}
