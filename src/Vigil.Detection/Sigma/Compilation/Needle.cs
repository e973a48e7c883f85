namespace Vigil.Detection.Sigma.Compilation;

/// <summary>A literal that must occur in a field (as the whole value, or anywhere in it) for a rule to be able to match.</summary>
/// <param name="FieldId">The schema field id.</param>
/// <param name="Text">The literal.</param>
/// <param name="Whole">True when the literal must be the whole value.</param>
internal readonly record struct Needle(int FieldId, string Text, bool Whole)
{
    /// <summary>
    /// Substring needles are cut to this many characters: any part of a required literal is itself required, and
    /// short needles keep the automaton small (hash IOCs and long command lines would otherwise add thousands of states).
    /// </summary>
    public const int MaxSubstringLength = 16;

    /// <summary>
    /// Parts of Windows paths, registry keys and command lines found in a large share of events (compared ignoring
    /// case): characters they cover make a needle no more selective.
    /// </summary>
    private static readonly string[] CommonParts =
    [
        "c:\\", ":\\windows\\", "\\windows\\", "\\system32\\", "system32\\", "\\syswow64\\", "windows\\system",
        "\\program files", "\\programdata\\", "\\users\\", "\\appdata\\", "\\microsoft\\", "\\software\\",
        "hklm\\", "\\currentcontrolset\\", "currentcontrol", "controlset", "\\services\\", "\\control\\",
        "\\currentversion\\", ".exe", ".dll", "\\cmd.exe", "powershell",
    ];

    /// <summary>
    /// Creates a substring needle, cut to <see cref="MaxSubstringLength"/>: of all the windows of that length, the
    /// one least covered by <see cref="CommonParts"/>, the first one on a tie (needles of many rules then share
    /// their prefixes, which keeps the automaton small).
    /// </summary>
    public static Needle Substring(int fieldId, string text)
    {
        if (text.Length <= MaxSubstringLength)
        {
            return new(fieldId, text, Whole: false);
        }

        var common = CommonMask(text);
        var best = 0;
        var bestCovered = int.MaxValue;
        for (var start = 0; start + MaxSubstringLength <= text.Length; start++)
        {
            var covered = 0;
            for (var i = start; i < start + MaxSubstringLength; i++)
            {
                covered += common[i] ? 1 : 0;
            }

            if (covered < bestCovered)
            {
                (best, bestCovered) = (start, covered);
            }
        }

        return new(fieldId, text.Substring(best, MaxSubstringLength), Whole: false);
    }

    /// <summary>Gets how selective the needle is likely to be: longer is better, common parts count for nothing, a whole-value match is better still.</summary>
    public int Score => Whole ? Text.Length + 6 : Math.Max(1, Text.Length - CommonMask(Text).Count(c => c));

    /// <summary>Per character of <paramref name="text"/>, whether it lies inside one of the <see cref="CommonParts"/>.</summary>
    private static bool[] CommonMask(string text)
    {
        var mask = new bool[text.Length];
        foreach (var part in CommonParts)
        {
            for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(mask, true, at, part.Length);
            }
        }

        return mask;
    }
}
