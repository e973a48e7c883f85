namespace Vigil.Analytics.Backtesting;

/// <summary>ATT&amp;CK technique ids: <c>T1234</c> (a technique) or <c>T1234.567</c> (a sub-technique of <c>T1234</c>).</summary>
internal static class TechniqueIds
{
    private const int ParentLength = 5;
    private const int SubTechniqueLength = 9;

    /// <summary>Whether <paramref name="id"/> is exactly <c>T</c> and 4 digits, optionally <c>.</c> and 3 digits (upper-case T).</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValid(string? id)
        => id is { Length: ParentLength or SubTechniqueLength } && id[0] == 'T' && TryGetParent(id, out _);

    /// <summary>
    /// Gets the parent technique of an id as alerts carry it (<c>T1110.003</c> → <c>T1110</c>, <c>T1110</c> → <c>T1110</c>),
    /// ignoring case and surrounding white space. Anything else (tactic ids, free tags) has no parent.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="parent">The parent technique id (a slice of <paramref name="id"/>).</param>
    /// <returns>Whether <paramref name="id"/> is a technique id.</returns>
    public static bool TryGetParent(ReadOnlySpan<char> id, out ReadOnlySpan<char> parent)
    {
        var text = id.Trim();
        parent = default;
        if (text.Length is not (ParentLength or SubTechniqueLength) || (text[0] is not ('T' or 't')) || !AllDigits(text[1..ParentLength]))
        {
            return false;
        }

        if (text.Length == SubTechniqueLength && (text[ParentLength] != '.' || !AllDigits(text[(ParentLength + 1)..])))
        {
            return false;
        }

        parent = text[..ParentLength];
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
