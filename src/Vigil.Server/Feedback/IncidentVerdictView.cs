namespace Vigil.Server.Feedback;

/// <summary>A verdict on an incident and the alerts it was applied to (each of them gets it, for precision and training).</summary>
/// <param name="Verdict">The incident verdict.</param>
/// <param name="AlertIds">The incident's alerts at the time of the verdict.</param>
public sealed record IncidentVerdictView(VerdictView Verdict, IReadOnlyList<string> AlertIds);
