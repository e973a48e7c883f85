namespace Vigil.Response.Engine;

/// <summary>The answer to a human command (approve, deny, cancel, undo).</summary>
/// <param name="Accepted">Whether the command was carried out.</param>
/// <param name="Error">Why it was refused; null when accepted.</param>
/// <param name="Record">The action after the command, or null when the id is unknown.</param>
internal sealed record CommandResult(bool Accepted, string? Error, ActionRecord? Record)
{
    /// <summary>An accepted command.</summary>
    /// <param name="record">The action afterwards.</param>
    /// <returns>The result.</returns>
    public static CommandResult Ok(ActionRecord record) => new(true, null, record);

    /// <summary>A refused command.</summary>
    /// <param name="error">Why.</param>
    /// <param name="record">The action, if known.</param>
    /// <returns>The result.</returns>
    public static CommandResult Refused(string error, ActionRecord? record) => new(false, error, record);
}
