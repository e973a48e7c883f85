namespace Vigil.Response.Playbooks;

/// <summary>A playbook step for one alert: its expanded target, or why it is skipped.</summary>
/// <param name="Step">The step.</param>
/// <param name="Target">The expanded target, or null when skipped.</param>
/// <param name="SkipReason">Why the step does not run for this alert, or null when it runs.</param>
internal sealed record PlannedStep(PlaybookStep Step, string? Target, string? SkipReason)
{
    /// <summary>Whether the step is skipped for this alert.</summary>
    public bool IsSkipped => SkipReason is not null;
}
