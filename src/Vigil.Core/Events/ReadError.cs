namespace Vigil.Core.Events;

/// <summary>A record or input that could not be read: where, and why.</summary>
/// <param name="Source">The input name (file path).</param>
/// <param name="Location">The 1-based line or record number, or 0 when the whole input failed.</param>
/// <param name="Message">Why it failed.</param>
public sealed record ReadError(string Source, long Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Location > 0 ? $"{Source}:{Location}: {Message}" : $"{Source}: {Message}";
}
