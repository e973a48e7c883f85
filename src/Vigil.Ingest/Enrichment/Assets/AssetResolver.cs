using System.Collections.Frozen;
using Vigil.Ingest.Enrichment.Network;

namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>
/// Resolves a host name or IP address to an inventory asset. Order: an IP address exactly, then the longest CIDR prefix
/// holding it; a name with a dot as a listed FQDN, then by its first label as a short name; a name without a dot as a
/// short name. Names ignore case and a trailing dot. Immutable and thread-safe; lookups do not allocate (IPv6 parsing aside).
/// </summary>
public sealed class AssetResolver
{
    private readonly FrozenDictionary<string, Asset>.AlternateLookup<ReadOnlySpan<char>> _names;
    private readonly FrozenDictionary<string, Asset>.AlternateLookup<ReadOnlySpan<char>> _fqdns;
    private readonly FrozenDictionary<UInt128, Asset> _addresses;
    private readonly IpPrefixTable<Asset> _prefixes;

    internal AssetResolver(
        IReadOnlyList<Asset> assets, Dictionary<string, Asset> names, Dictionary<string, Asset> fqdns,
        Dictionary<UInt128, Asset> addresses, List<(UInt128 Key, int Length, Asset Value)> prefixes)
    {
        Assets = assets;
        _names = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _fqdns = fqdns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _addresses = addresses.ToFrozenDictionary();
        _prefixes = new IpPrefixTable<Asset>(prefixes);
    }

    /// <summary>Gets every asset, in file order.</summary>
    public IReadOnlyList<Asset> Assets { get; }

    /// <summary>Resolves a host name, FQDN or IP address.</summary>
    /// <param name="hostOrIp">The raw value from an event.</param>
    /// <returns>The asset and how it matched; <see cref="AssetMatchKind.None"/> when unresolved.</returns>
    public AssetResolution Resolve(ReadOnlySpan<char> hostOrIp)
    {
        var text = hostOrIp.Trim();
        if (text.Length > 0 && text[^1] == '.')
        {
            text = text[..^1];
        }

        if (text.IsEmpty || text is "-")
        {
            return default;
        }

        if (IpKey.TryParse(text, out var key))
        {
            if (_addresses.TryGetValue(key, out var byAddress))
            {
                return new AssetResolution(byAddress, AssetMatchKind.Address);
            }

            var byPrefix = _prefixes.Match(key, out var length);
            return byPrefix is null
                ? default
                : new AssetResolution(byPrefix, AssetMatchKind.Prefix, IpKey.IsV4(key) ? length - IpKey.V4Offset : length);
        }

        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return _names.TryGetValue(text, out var byName) ? new AssetResolution(byName, AssetMatchKind.Name) : default;
        }

        if (_fqdns.TryGetValue(text, out var byFqdn))
        {
            return new AssetResolution(byFqdn, AssetMatchKind.Fqdn);
        }

        return dot > 0 && _names.TryGetValue(text[..dot], out var byLabel) ? new AssetResolution(byLabel, AssetMatchKind.FqdnFirstLabel) : default;
    }

    /// <summary>Resolves a host name, FQDN or IP address.</summary>
    /// <param name="hostOrIp">The raw value from an event, or null.</param>
    /// <returns>The asset and how it matched; <see cref="AssetMatchKind.None"/> when unresolved.</returns>
    public AssetResolution Resolve(string? hostOrIp) => Resolve(hostOrIp.AsSpan());
}
