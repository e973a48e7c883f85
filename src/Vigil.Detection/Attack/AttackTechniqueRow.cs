namespace Vigil.Detection.Attack;

/// <summary>One row of <c>techniques.tsv</c>.</summary>
/// <param name="Id">The technique id, such as <c>T1059.001</c>.</param>
/// <param name="Name">The technique name.</param>
/// <param name="Tactics">The tactic short names.</param>
/// <param name="Deprecated">Whether ATT&amp;CK marks it deprecated or revoked.</param>
/// <param name="Line">The 1-based line in the file.</param>
internal sealed record AttackTechniqueRow(string Id, string Name, string[] Tactics, bool Deprecated, int Line);
