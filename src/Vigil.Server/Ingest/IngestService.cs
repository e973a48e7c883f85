using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// What every HTTP ingest endpoint does after parsing: picks the idempotency key, offers the batch to the queue and waits
/// until it is durable. The key is the client's <c>Idempotency-Key</c> header when given; otherwise a SHA-256 of the
/// sending key, the source and the body, so a client that retries the same body after a lost answer does not double it.
/// </summary>
internal sealed class IngestService(IngestQueue queue, TimeProvider time)
{
    /// <summary>The longest idempotency key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Submits a batch and waits until it is durably journaled.</summary>
    /// <param name="request">The HTTP request (for the idempotency header).</param>
    /// <param name="user">The sender.</param>
    /// <param name="source">The source name.</param>
    /// <param name="format">The event format.</param>
    /// <param name="payload">The bytes to journal.</param>
    /// <param name="events">How many events they hold.</param>
    /// <param name="cancellationToken">The request's token.</param>
    /// <returns>The outcome, and the journal answer when accepted.</returns>
    public async Task<(IngestOutcome Outcome, long Sequence, bool Duplicate)> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, string source, string format, byte[] payload, int events, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValue("Idempotency-Key", out var header) && !string.IsNullOrWhiteSpace(header.ToString())
            ? "client:" + user.FindFirst(ClaimTypes.NameIdentifier)?.Value + ":" + header.ToString().Trim()
            : "auto:" + ContentKey(user.FindFirst(ClaimTypes.NameIdentifier)?.Value + "\n" + source + "\n" + format + "\n", payload);
        var (outcome, durable) = queue.Offer(new IncomingBatch(source, format, key, events, time.GetUtcNow(), payload));
        if (durable is null)
        {
            return (outcome, 0, false);
        }

        var (sequence, duplicate) = await durable.WaitAsync(cancellationToken);
        return (IngestOutcome.Accepted, sequence, duplicate);
    }

    /// <summary>The SHA-256 of a prefix and the body, hashed in place (the body, up to 16 MiB, is not copied).</summary>
    private static string ContentKey(string prefix, byte[] payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(prefix));
        hash.AppendData(payload);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether a client idempotency key is acceptable.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Null when fine, else why not.</returns>
    public static string? CheckKey(HttpRequest request)
        => request.Headers.TryGetValue("Idempotency-Key", out var header) && header.ToString().Length > MaxKeyLength
            ? $"the Idempotency-Key header is longer than {MaxKeyLength} characters"
            : null;
}
