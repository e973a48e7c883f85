using System.Text.RegularExpressions;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>
/// A rule's regular expression: syntax-checked at load, built on first use. Patterns run on the NonBacktracking
/// engine (linear time); a pattern with a construct that engine lacks (backreference, lookaround, atomic group,
/// conditional) runs on the backtracking engine with <see cref="DetectionParser.RegexTimeout"/>. Building lazily keeps
/// memory for the thousands of rules whose prefilter never lets their regex run.
/// </summary>
internal sealed class SigmaRegex
{
    private static readonly string[] BacktrackingOnly = ["(?=", "(?!", "(?<=", "(?<!", "(?>", "(?(", "\\k<", "\\k'"];
    private Regex? _regex;

    public SigmaRegex(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        Options = options | RegexOptions.CultureInvariant;
        NeedsBacktracking = BacktrackingOnly.Any(c => pattern.Contains(c, StringComparison.Ordinal)) || HasBackreference(pattern);

        // Validates the syntax now (throws ArgumentException with the reason); the instance is not kept.
        _ = new Regex(pattern, Options, DetectionParser.RegexTimeout);
    }

    public string Pattern { get; }

    public RegexOptions Options { get; }

    public bool NeedsBacktracking { get; }

    /// <summary>Gets the compiled expression, building it on first use (thread-safe).</summary>
    public Regex Instance => _regex ?? LazyInitializer.EnsureInitialized(ref _regex, Build);

    private Regex Build()
    {
        if (!NeedsBacktracking)
        {
            try
            {
                return new Regex(Pattern, Options | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                Compilation.EngineCounters.RegexFellBack();
            }
        }

        return new Regex(Pattern, Options, DetectionParser.RegexTimeout);
    }

    private static bool HasBackreference(string pattern)
    {
        for (var i = 0; i + 1 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (pattern[i + 1] is >= '1' and <= '9')
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
