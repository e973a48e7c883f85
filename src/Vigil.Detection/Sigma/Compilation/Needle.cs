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

    /// <summary>Creates a substring needle, cut to <see cref="MaxSubstringLength"/>.</summary>
    public static Needle Substring(int fieldId, string text)
        => new(fieldId, text.Length > MaxSubstringLength ? text[..MaxSubstringLength] : text, Whole: false);

    /// <summary>How selective the needle is likely to be: longer is better, a whole-value match better still.</summary>
    public int Score => Whole ? Text.Length + 6 : Text.Length;
}
