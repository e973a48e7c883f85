using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>The result of resolving a raw user value.</summary>
/// <param name="Identity">The identity, or null.</param>
/// <param name="Kind">What the value turned out to be.</param>
/// <param name="Machine">For a machine account, the asset it belongs to when known.</param>
public readonly record struct IdentityResolution(Identity? Identity, IdentityMatchKind Kind, Asset? Machine = null)
{
    /// <summary>Gets a value indicating whether an identity was found.</summary>
    public bool Resolved => Identity is not null;
}
