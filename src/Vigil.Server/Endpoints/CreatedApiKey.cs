using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>A new API key with its secret, shown this once.</summary>
/// <param name="Key">The key record.</param>
/// <param name="Secret">The key to send in requests.</param>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Secret);
