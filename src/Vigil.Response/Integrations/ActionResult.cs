namespace Vigil.Response.Integrations;

/// <summary>The outcome of a response action sent through a connector.</summary>
/// <param name="Succeeded">Whether the remote accepted it.</param>
/// <param name="StatusCode">The last HTTP status, if an answer came.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">Why it failed; null on success. Never contains a URL or secret.</param>
/// <param name="Duration">How long it took, including backoff.</param>
internal sealed record ActionResult(bool Succeeded, int? StatusCode, int Attempts, string? Error, TimeSpan Duration);
