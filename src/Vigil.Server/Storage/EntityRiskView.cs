namespace Vigil.Server.Storage;

/// <summary>The accumulated risk of a user, host or address.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Kind">user, host or ip.</param>
/// <param name="Risk">The risk score in [0, 100].</param>
/// <param name="Points">The accumulated points behind it.</param>
/// <param name="Tactics">The distinct ATT&amp;CK tactics of its alerts.</param>
/// <param name="Criticality">The asset criticality, when known.</param>
/// <param name="AlertCount">How many alerts added to it.</param>
/// <param name="Updated">When it last changed.</param>
public sealed record EntityRiskView(
    string Entity, string Kind, double Risk, double Points, IReadOnlyList<string> Tactics, string? Criticality, int AlertCount, DateTimeOffset Updated);
