namespace Vigil.Response.Playbooks;

/// <summary>A problem in a playbook or decision-rights file: where it is and why.</summary>
/// <param name="File">The file, as shown to the user.</param>
/// <param name="Line">The 1-based line, or 0 for the whole file.</param>
/// <param name="Column">The 1-based column, or 0.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ResponseError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column}): {Message}" : $"{File}: {Message}";
}
