namespace Vigil.Response.Playbooks;

/// <summary>A piece of a <see cref="TargetTemplate"/>.</summary>
/// <param name="Text">Literal text, or the variable name (e.g. <c>alert.host</c>).</param>
/// <param name="IsVariable">Whether this is a variable.</param>
internal readonly record struct TemplatePart(string Text, bool IsVariable);
