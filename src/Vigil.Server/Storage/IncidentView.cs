namespace Vigil.Server.Storage;

/// <summary>An incident: alerts grouped by shared entity and time, with a risk score.</summary>
/// <param name="Id">The incident id.</param>
/// <param name="Title">The first alert's title and main entity.</param>
/// <param name="Status">open, acknowledged or closed.</param>
/// <param name="Opened">When it was opened.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="First">The time of its first alert.</param>
/// <param name="Last">The time of its last alert.</param>
/// <param name="Severity">The highest severity of its alerts.</param>
/// <param name="Risk">The risk score in [0, 100] (see docs/server.md).</param>
/// <param name="Entities">The entities its alerts share.</param>
/// <param name="Tactics">The distinct ATT&amp;CK tactics.</param>
/// <param name="Techniques">The distinct ATT&amp;CK techniques.</param>
/// <param name="AlertCount">How many alerts it holds.</param>
public sealed record IncidentView(
    string Id, string Title, string Status, DateTimeOffset Opened, DateTimeOffset Updated, DateTimeOffset First, DateTimeOffset Last, string Severity,
    double Risk, IReadOnlyList<string> Entities, IReadOnlyList<string> Tactics, IReadOnlyList<string> Techniques, int AlertCount);
