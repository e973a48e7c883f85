using System.Text.Json;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

/// <summary>An alert as the API shows it: what fired, why, on what, how sure, and where it stands.</summary>
/// <param name="Id">The stable alert id (also the OCSF finding uid and the TheHive sourceRef).</param>
/// <param name="Detector"><c>rule:&lt;id&gt;</c> or <c>model:&lt;name&gt;</c>.</param>
/// <param name="Title">The rule title or the model's explanation.</param>
/// <param name="Severity">informational, low, medium, high or critical.</param>
/// <param name="Time">When the activity happened.</param>
/// <param name="Techniques">ATT&amp;CK technique ids.</param>
/// <param name="Tactics">ATT&amp;CK tactic ids.</param>
/// <param name="Entities">The users, hosts and addresses with their context.</param>
/// <param name="Status">new or suppressed (an accepted suppression matched it).</param>
/// <param name="Confidence">The confidence in [0, 1] analysts see.</param>
/// <param name="ConfidenceSource">Where it came from (the detector, or <c>triage-model vN</c>).</param>
/// <param name="DetectorConfidence">The detector's own confidence, kept beside the triage score.</param>
/// <param name="TriageScore">The triage model's score, or null when none was active.</param>
/// <param name="IncidentId">The incident it belongs to, or null when suppressed.</param>
/// <param name="SuppressedBy">The suppression that matched it, or null.</param>
/// <param name="ReceivedAt">When the server received its events.</param>
/// <param name="StoredAt">When the alert was committed.</param>
/// <param name="Repeats">How many more times the same detector fired on the same entities within the throttle window after it.</param>
/// <param name="LastSeen">The time of the last repeat (the alert's own time when none).</param>
/// <param name="Finding">The full explanation as an OCSF Detection Finding (matched fields and values or baseline evidence, evidence events); only on a single alert.</param>
public sealed record AlertView(
    string Id, string Detector, string Title, string Severity, DateTimeOffset Time, IReadOnlyList<string> Techniques, IReadOnlyList<string> Tactics,
    IReadOnlyList<AlertEntity> Entities, string Status, double Confidence, string ConfidenceSource, double DetectorConfidence, double? TriageScore,
    string? IncidentId, string? SuppressedBy, DateTimeOffset ReceivedAt, DateTimeOffset StoredAt, int Repeats, DateTimeOffset LastSeen, JsonElement? Finding);
