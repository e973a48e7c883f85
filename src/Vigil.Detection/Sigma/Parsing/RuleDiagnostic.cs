namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Something wrong (or worth knowing) about a rule: where and why.</summary>
/// <param name="File">The rule file.</param>
/// <param name="Line">The 1-based line of the construct, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Construct">The construct at fault, such as <c>detection.selection.Image|foo</c> or <c>condition</c>.</param>
/// <param name="Message">Why.</param>
public sealed record RuleDiagnostic(string File, int Line, int Column, string Construct, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}: {Construct}: {Message}";
}
