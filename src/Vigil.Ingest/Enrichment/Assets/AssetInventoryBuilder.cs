using Vigil.Ingest.Enrichment.Input;
using Vigil.Ingest.Enrichment.Network;

namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>
/// Validates asset rows and indexes them. A row without a name, or whose name is taken, is skipped; an FQDN or address
/// already claimed by an earlier asset is reported and dropped from the later one (the first definition wins).
/// </summary>
internal sealed class AssetInventoryBuilder
{
    /// <summary>Gets the columns (CSV) and keys (YAML) of an asset.</summary>
    public static readonly string[] Columns = ["name", "fqdn", "ip", "owner", "business_unit", "criticality", "tags", "type"];

    private readonly List<Asset> _assets = [];
    private readonly Dictionary<string, Asset> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Asset> _fqdns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<UInt128, Asset> _addresses = [];
    private readonly Dictionary<(UInt128, int), Asset> _prefixKeys = [];
    private readonly List<(UInt128 Key, int Length, Asset Value)> _prefixes = [];

    public void Add(ContextRow row, ContextErrors errors)
    {
        var name = row.Text("name");
        if (name is null)
        {
            errors.Add(row.Error("name", "an asset needs a name; the row is skipped"));
            return;
        }

        var fqdns = row.List("fqdn");
        name = name.TrimEnd('.');
        if (name.Contains('.', StringComparison.Ordinal))
        {
            fqdns.Insert(0, name);
            name = name[..name.IndexOf('.', StringComparison.Ordinal)];
        }

        if (_names.TryGetValue(name, out var existing))
        {
            errors.Add(row.Error("name", $"asset '{name}' is already defined (as '{existing.Name}'); the row is skipped"));
            return;
        }

        if (!TryCriticality(row, errors, out var criticality))
        {
            return;
        }

        var addressKeys = new List<(UInt128 Key, int Length, string Text)>();
        foreach (var ip in row.List("ip"))
        {
            if (!IpKey.TryParsePrefix(ip, out var key, out var length))
            {
                errors.Add(row.Error("ip", $"'{ip}' is not an IP address or CIDR prefix; the row is skipped"));
                return;
            }

            var shown = length == 128 ? IpKey.Format(key)
                : $"{IpKey.Format(key)}/{(IpKey.IsV4(key) ? length - IpKey.V4Offset : length)}";
            addressKeys.Add((key, length, shown));
        }

        var tags = row.List("tags").ConvertAll(t => t.ToLowerInvariant());
        var asset = new Asset(name, [.. fqdns.Select(f => f.TrimEnd('.'))], [.. addressKeys.Select(a => a.Text)], row.Text("owner"),
            row.Text("business_unit"), criticality, [.. tags.Distinct(StringComparer.Ordinal)], row.Text("type")?.ToLowerInvariant());
        _assets.Add(asset);
        _names[name] = asset;
        foreach (var fqdn in asset.Fqdns)
        {
            if (!_fqdns.TryAdd(fqdn, asset))
            {
                errors.Add(row.Error("fqdn", $"'{fqdn}' already belongs to asset '{_fqdns[fqdn].Name}'; kept there"));
            }
        }

        foreach (var (key, length, text) in addressKeys)
        {
            if (length == 128 ? !_addresses.TryAdd(key, asset) : !_prefixKeys.TryAdd((key, length), asset))
            {
                var owner = length == 128 ? _addresses[key] : _prefixKeys[(key, length)];
                errors.Add(row.Error("ip", $"'{text}' already belongs to asset '{owner.Name}'; kept there"));
            }
            else if (length < 128)
            {
                _prefixes.Add((key, length, asset));
            }
        }
    }

    public AssetResolver Build()
    {
        // A listed FQDN's first label also names its asset, unless another asset has that short name.
        var names = new Dictionary<string, Asset>(_names, StringComparer.OrdinalIgnoreCase);
        foreach (var (fqdn, asset) in _fqdns)
        {
            var dot = fqdn.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                names.TryAdd(fqdn[..dot], asset);
            }
        }

        return new AssetResolver(_assets, names, _fqdns, _addresses, _prefixes);
    }

    private static bool TryCriticality(ContextRow row, ContextErrors errors, out AssetCriticality criticality)
    {
        criticality = AssetCriticality.Unknown;
        var text = row.Text("criticality");
        if (text is null)
        {
            return true;
        }

        if (Enum.TryParse(text, ignoreCase: true, out criticality) && criticality != AssetCriticality.Unknown && !char.IsAsciiDigit(text[0]))
        {
            return true;
        }

        errors.Add(row.Error("criticality", $"'{text}' is not one of low, medium, high, critical; the row is skipped"));
        return false;
    }
}
