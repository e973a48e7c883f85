using System.Net;

namespace Vigil.Response.Integrations;

/// <summary>What one connector call came to, after all its attempts.</summary>
/// <param name="Succeeded">Whether the last attempt got a 2xx answer.</param>
/// <param name="StatusCode">The last answer's status; null when none came (timeout, connection failure, open circuit).</param>
/// <param name="Attempts">Attempts made (0 when the circuit was open before the first).</param>
/// <param name="Error">Why it failed; null on success. Never contains a URL or secret.</param>
/// <param name="Duration">The whole call, including backoff.</param>
/// <param name="Body">The last answer's body, when there was one.</param>
internal sealed record ConnectorResponse(bool Succeeded, HttpStatusCode? StatusCode, int Attempts, string? Error, TimeSpan Duration, string? Body);
