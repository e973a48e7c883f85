namespace Vigil.Response.Playbooks;

/// <summary>A loaded, validated playbook.</summary>
/// <param name="Name">The unique name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Enabled">Whether it is selected for alerts.</param>
/// <param name="Trigger">When it applies.</param>
/// <param name="Steps">The ordered steps.</param>
/// <param name="File">The file it came from.</param>
/// <param name="Line">The line it starts on.</param>
internal sealed record Playbook(
    string Name,
    string Description,
    bool Enabled,
    PlaybookTrigger Trigger,
    IReadOnlyList<PlaybookStep> Steps,
    string File,
    int Line);
