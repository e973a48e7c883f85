namespace Vigil.Analytics.Backtesting;

/// <summary>One labelled scenario of a ground-truth file: an attack or a benign trap.</summary>
/// <param name="Id">The unique id, e.g. <c>attack-01-password-spraying</c>.</param>
/// <param name="Kind">Attack or benign trap.</param>
/// <param name="Name">The scenario name (several instances may share one), e.g. <c>password-spraying</c>.</param>
/// <param name="Title">A one-line description.</param>
/// <param name="Techniques">The ATT&amp;CK technique ids (<c>T1234</c> or <c>T1234.567</c>); none for benign traps.</param>
/// <param name="Start">When the first event of the scenario happened.</param>
/// <param name="End">When the last event of the scenario happened.</param>
/// <param name="Users">The users involved (canonical ids).</param>
/// <param name="Hosts">The hosts involved (asset names).</param>
/// <param name="Addresses">The IP addresses involved.</param>
/// <param name="EventCount">How many events the scenario wrote.</param>
public sealed record GroundTruthScenario(
    string Id,
    GroundTruthScenarioKind Kind,
    string Name,
    string Title,
    IReadOnlyList<string> Techniques,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Addresses,
    int EventCount);
