namespace Vigil.Server.Feedback;

/// <summary>A verdict as recorded.</summary>
/// <param name="Id">The verdict id (increasing: the highest one on an alert is the one that counts).</param>
/// <param name="TargetKind"><c>alert</c> or <c>incident</c>.</param>
/// <param name="TargetId">The alert or incident id.</param>
/// <param name="Verdict">true_positive, benign_positive, false_positive_logic, false_positive_data or undetermined.</param>
/// <param name="Comment">The analyst's comment, or null.</param>
/// <param name="Actor">Who gave it (API key name and id).</param>
/// <param name="Time">When.</param>
/// <param name="IncidentId">On an alert verdict that came from an incident verdict, the incident; else null.</param>
public sealed record VerdictView(
    long Id, string TargetKind, string TargetId, string Verdict, string? Comment, string Actor, DateTimeOffset Time, string? IncidentId);
