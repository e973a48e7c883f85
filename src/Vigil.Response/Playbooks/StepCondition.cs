namespace Vigil.Response.Playbooks;

/// <summary>A parsed <c>when</c> condition: clauses joined by <c>and</c>.</summary>
/// <param name="Text">The condition as written.</param>
/// <param name="Clauses">The clauses; all must hold.</param>
internal sealed record StepCondition(string Text, IReadOnlyList<ConditionClause> Clauses)
{
    /// <summary>Whether every clause holds for an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>True when the step should run.</returns>
    public bool IsTrue(ResponseAlert alert) => Clauses.All(c => c.IsTrue(alert));
}
