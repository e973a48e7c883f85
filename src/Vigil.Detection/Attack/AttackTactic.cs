namespace Vigil.Detection.Attack;

/// <summary>An ATT&amp;CK tactic.</summary>
/// <param name="Id">The tactic id, such as <c>TA0002</c>.</param>
/// <param name="ShortName">The short name used in tags, such as <c>execution</c>.</param>
/// <param name="Name">The display name, such as <c>Execution</c>.</param>
public sealed record AttackTactic(string Id, string ShortName, string Name);
