namespace Vigil.Server.Storage;

/// <summary>An API key as stored (its secret is not: only a hash of it).</summary>
/// <param name="Id">The key id (also the second part of the key itself: <c>vgl_&lt;id&gt;_...</c>).</param>
/// <param name="Name">What or who uses it.</param>
/// <param name="Role">Its role.</param>
/// <param name="Created">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="Revoked">When it was revoked, or null while valid.</param>
/// <param name="LastUsed">Not tracked yet; null.</param>
public sealed record ApiKeyInfo(string Id, string Name, string Role, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked, DateTimeOffset? LastUsed);
