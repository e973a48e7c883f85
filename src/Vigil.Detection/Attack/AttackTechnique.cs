namespace Vigil.Detection.Attack;

/// <summary>An ATT&amp;CK technique or sub-technique.</summary>
/// <param name="Id">The id, such as <c>T1059.001</c>.</param>
/// <param name="Name">The name, or the id when the catalog does not know it.</param>
public sealed record AttackTechnique(string Id, string Name);
