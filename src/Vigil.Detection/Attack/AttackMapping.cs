namespace Vigil.Detection.Attack;

/// <summary>The ATT&amp;CK tactics and techniques a rule's tags name.</summary>
/// <param name="Tactics">The tactics.</param>
/// <param name="Techniques">The techniques.</param>
public sealed record AttackMapping(IReadOnlyList<AttackTactic> Tactics, IReadOnlyList<AttackTechnique> Techniques)
{
    /// <summary>No tactics and no techniques.</summary>
    public static AttackMapping Empty { get; } = new([], []);
}
