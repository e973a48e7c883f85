using System.Collections.Concurrent;
using Vigil.Server.Storage;

namespace Vigil.Server.Security;

/// <summary>Caches valid keys for a few seconds so busy ingest does not look each request up in the store.</summary>
internal sealed class ApiKeyCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (ApiKeyInfo Key, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    /// <summary>Returns the key of a secret, from the cache or the store.</summary>
    /// <param name="secret">The presented key.</param>
    /// <param name="store">The store.</param>
    /// <returns>The key, or null when unknown or revoked.</returns>
    public ApiKeyInfo? Get(string secret, ServerStore store)
    {
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(secret, out var entry) && entry.Until > now)
        {
            return entry.Key;
        }

        var key = store.FindKey(secret);
        if (key is null)
        {
            _valid.TryRemove(secret, out _);
            return null;
        }

        _valid[secret] = (key, now + Lifetime);
        return key;
    }

    /// <summary>Forgets every cached key (after a revocation).</summary>
    public void Clear() => _valid.Clear();
}
