using System.Net;
using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Analytics.Behaviour.Context;

/// <summary>
/// A set of hosts named in a context file: <c>name:SRV-01</c>, <c>tag:clinical</c>, <c>type:server</c>,
/// <c>cidr:10.20.0.0/24</c>, or <c>*</c> for any. A bare word is a name.
/// </summary>
internal sealed class AssetScope
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _tags = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];
    private bool _any;

    /// <summary>Gets whether the scope names nothing.</summary>
    public bool IsEmpty => !_any && _names.Count == 0 && _tags.Count == 0 && _types.Count == 0 && _networks.Count == 0;

    /// <summary>Parses the entries; returns the error for the first bad entry, or null.</summary>
    public static AssetScope Parse(IEnumerable<string> entries, out string? error)
    {
        var scope = new AssetScope();
        error = null;
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon > 0 ? entry[..colon].ToLowerInvariant() : string.Empty;
            var value = colon > 0 ? entry[(colon + 1)..].Trim() : entry;
            switch (prefix)
            {
                case "" when value is "*" or "any":
                    scope._any = true;
                    break;
                case "" or "name":
                    scope._names.Add(value);
                    break;
                case "tag":
                    scope._tags.Add(value);
                    break;
                case "type":
                    scope._types.Add(value);
                    break;
                case "cidr" when IPNetwork.TryParse(value, out var network):
                    scope._networks.Add(network);
                    break;
                case "cidr":
                    error ??= $"'{value}' is not a CIDR prefix (10.20.0.0/24)";
                    break;
                default:
                    error ??= $"'{entry}': a host scope entry is name:, tag:, type:, cidr: or *";
                    break;
            }
        }

        return scope;
    }

    /// <summary>Whether a host (its asset, when known, its name and its address) is in the scope.</summary>
    public bool Contains(Asset? asset, string? name, string? address)
    {
        if (_any)
        {
            return true;
        }

        if ((name is not null && _names.Contains(name)) || (asset is not null && _names.Contains(asset.Name)))
        {
            return true;
        }

        if (asset is not null && (asset.Tags.Any(_tags.Contains) || (asset.Type is not null && _types.Contains(asset.Type))))
        {
            return true;
        }

        if (_networks.Count > 0)
        {
            foreach (var candidate in asset?.Addresses.Append(address ?? string.Empty) ?? [address ?? string.Empty])
            {
                if (IPAddress.TryParse(candidate, out var ip) && _networks.Exists(n => n.Contains(ip)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
