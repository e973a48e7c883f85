namespace Vigil.Server.Feedback;

/// <summary>The outcome of accepting, rejecting or revoking a suppression.</summary>
/// <param name="Suppression">The suppression after the change, or null when it was not made.</param>
/// <param name="Conflict">Why the change does not apply to the suppression's status, or null.</param>
internal sealed record SuppressionChange(SuppressionView? Suppression, string? Conflict)
{
    /// <summary>Gets the outcome for an unknown id.</summary>
    public static SuppressionChange NotFound { get; } = new(null, null);

    /// <summary>Gets a value indicating whether the suppression does not exist.</summary>
    public bool IsNotFound => Suppression is null && Conflict is null;
}
