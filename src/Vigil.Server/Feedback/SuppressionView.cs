namespace Vigil.Server.Feedback;

/// <summary>A suppression: proposed from false-positive verdicts, then accepted (active until it expires), rejected or revoked.</summary>
/// <param name="Id">The suppression id.</param>
/// <param name="Detector">The detector whose alerts it suppresses.</param>
/// <param name="Entity">The entity it is limited to, or null for every entity.</param>
/// <param name="Reason">The evidence it was proposed on.</param>
/// <param name="Status">proposed, active, expired (active past its expiry), rejected or revoked.</param>
/// <param name="CreatedBy">Who derived the proposal.</param>
/// <param name="Created">When it was proposed.</param>
/// <param name="Expires">When it stops applying (for a proposal: the default expiry, set again on acceptance).</param>
/// <param name="DecidedBy">Who accepted, rejected or revoked it, or null.</param>
/// <param name="Decided">When, or null.</param>
/// <param name="Preview">The impact preview on stored history.</param>
public sealed record SuppressionView(
    string Id, string Detector, string? Entity, string Reason, string Status, string CreatedBy, DateTimeOffset Created, DateTimeOffset Expires,
    string? DecidedBy, DateTimeOffset? Decided, SuppressionPreview Preview);
