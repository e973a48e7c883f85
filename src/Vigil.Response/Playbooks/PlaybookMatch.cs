namespace Vigil.Response.Playbooks;

/// <summary>A playbook selected for an alert, with why it was selected and its steps expanded.</summary>
/// <param name="Playbook">The playbook.</param>
/// <param name="Reason">Which trigger conditions matched.</param>
/// <param name="Steps">The steps, in order, expanded for the alert.</param>
internal sealed record PlaybookMatch(Playbook Playbook, string Reason, IReadOnlyList<PlannedStep> Steps);
