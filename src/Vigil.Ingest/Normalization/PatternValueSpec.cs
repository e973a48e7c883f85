using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// The group named <c>value</c> (or the whole match) of a regular expression run on a field. Expressions run with
/// <see cref="RegexOptions.NonBacktracking"/> when they can, otherwise with a 100 ms timeout; a timeout gives nothing.
/// </summary>
public sealed class PatternValueSpec : ValueSpec
{
    private readonly Regex _regex;
    private readonly int _group;

    internal PatternValueSpec(ValueSpec input, string pattern, Regex regex)
    {
        Input = input;
        Pattern = pattern;
        _regex = regex;
        _group = regex.GroupNumberFromName("value");
    }

    /// <summary>Gets the spec giving the text to search.</summary>
    public ValueSpec Input { get; }

    /// <summary>Gets the pattern.</summary>
    public string Pattern { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Fields => Input.Fields;

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record)
    {
        var text = Input.Evaluate(record);
        if (text is null)
        {
            return null;
        }

        Match match;
        try
        {
            match = _regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input against a backtracking pattern: the attribute is left out rather than stalling.
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var group = _group >= 0 ? match.Groups[_group] : match.Groups[0];
        return group.Success && group.Length > 0 ? group.Value : null;
    }

    /// <summary>Compiles a pattern: NonBacktracking first, then a backtracking engine with a timeout.</summary>
    internal static Regex? Compile(string pattern, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // Lookarounds or backreferences: fall through to a backtracking engine with a timeout.
        }
        catch (ArgumentException ex)
        {
            error = $"invalid regular expression: {ex.Message}";
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            error = $"invalid regular expression: {ex.Message}";
            return null;
        }
    }
}
