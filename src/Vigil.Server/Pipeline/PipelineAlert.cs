using Vigil.Core.Alerts;

namespace Vigil.Server.Pipeline;

/// <summary>An alert as the pipeline raised it: the stored record plus what incidents, risk and triage need.</summary>
/// <param name="Alert">The alert (stable id, detector, severity, ATT&amp;CK techniques, OCSF Detection Finding JSON).</param>
/// <param name="Tactics">The ATT&amp;CK tactic ids (<c>TA0006</c>...).</param>
/// <param name="Entities">The users, hosts and addresses involved, with their organisation context.</param>
/// <param name="Confidence">The detector's own confidence in [0, 1].</param>
/// <param name="ConfidenceSource">Where <paramref name="Confidence"/> came from (<c>rule level high</c>, <c>model</c>...).</param>
/// <param name="TheHiveJson">The alert as a TheHive 5 alert body, or null when the pipeline does not make one.</param>
public sealed record PipelineAlert(
    StoredAlert Alert, IReadOnlyList<string> Tactics, IReadOnlyList<AlertEntity> Entities, double Confidence, string ConfidenceSource, string? TheHiveJson = null)
{
    /// <summary>
    /// Gets what writes the alert's OCSF finding and TheHive body when the store decides to keep it, or null when
    /// <see cref="StoredAlert.Json"/> and <see cref="TheHiveJson"/> are already filled in. Most raised alerts repeat one
    /// stored a moment ago and are only counted, so the pipeline defers the writing. Called on the detection thread.
    /// </summary>
    public Func<(string Ocsf, string? TheHive)>? Render { get; init; }

    /// <summary>Returns the alert with its OCSF finding and TheHive body written.</summary>
    /// <returns>The alert, and its TheHive body.</returns>
    public (StoredAlert Alert, string? TheHive) Rendered()
    {
        if (Render is null)
        {
            return (Alert, TheHiveJson);
        }

        var (ocsf, theHive) = Render();
        return (Alert with { Json = ocsf }, theHive);
    }
}
