namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>The result of resolving a host name or address.</summary>
/// <param name="Asset">The asset, or null when unresolved.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="PrefixLength">For <see cref="AssetMatchKind.Prefix"/>, the matched prefix length (IPv4 lengths 0..32); else 0.</param>
public readonly record struct AssetResolution(Asset? Asset, AssetMatchKind Kind, int PrefixLength = 0)
{
    /// <summary>Gets a value indicating whether an asset was found.</summary>
    public bool Resolved => Asset is not null;
}
