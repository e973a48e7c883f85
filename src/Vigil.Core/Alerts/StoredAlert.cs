namespace Vigil.Core.Alerts;

/// <summary>
/// An alert as stored: what fired, how severe, when, the ATT&amp;CK techniques, the entities it is about, and the whole
/// alert as JSON (the OCSF Detection Finding or Vigil's own record). <see cref="Id"/> is stable for the same detection
/// of the same event, so storing it again is a no-op.
/// </summary>
/// <param name="Id">The stable id (for example the OCSF finding uid).</param>
/// <param name="Detector">The rule (<c>rule:ID</c>) or model (<c>model:NAME</c>).</param>
/// <param name="Title">The title.</param>
/// <param name="Severity">informational, low, medium, high or critical.</param>
/// <param name="Time">The event time the alert is about.</param>
/// <param name="Techniques">The ATT&amp;CK technique ids.</param>
/// <param name="Entities">The users, hosts and addresses (canonical where known).</param>
/// <param name="Json">The whole alert as JSON.</param>
public sealed record StoredAlert(
    string Id,
    string Detector,
    string Title,
    string Severity,
    DateTimeOffset Time,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> Entities,
    string Json);
