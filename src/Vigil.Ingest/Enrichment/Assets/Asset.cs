namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>A host from the organisation's inventory.</summary>
public sealed class Asset
{
    internal Asset(string name, IReadOnlyList<string> fqdns, IReadOnlyList<string> addresses, string? owner, string? businessUnit,
        AssetCriticality criticality, IReadOnlyList<string> tags, string? type)
    {
        Name = name;
        Fqdns = fqdns;
        Addresses = addresses;
        Owner = owner;
        BusinessUnit = businessUnit;
        Criticality = criticality;
        Tags = tags;
        Type = type;
    }

    /// <summary>Gets the canonical short host name, as the inventory wrote it (for example <c>DC01</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the fully qualified names of the host.</summary>
    public IReadOnlyList<string> Fqdns { get; }

    /// <summary>Gets the addresses and CIDR prefixes the host owns, normalised (for example <c>10.20.0.10</c>, <c>10.20.99.0/24</c>).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Gets the owner (person or team), or null.</summary>
    public string? Owner { get; }

    /// <summary>Gets the business unit, or null.</summary>
    public string? BusinessUnit { get; }

    /// <summary>Gets how critical the host is.</summary>
    public AssetCriticality Criticality { get; }

    /// <summary>Gets the tags, lower-case (for example <c>domain-controller</c>, <c>jump-host</c>, <c>clinical</c>).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Gets the kind of host, lower-case (for example <c>workstation</c>, <c>server</c>, <c>network</c>), or null.</summary>
    public string? Type { get; }

    /// <summary>Tells whether the asset carries <paramref name="tag"/> (ignoring case).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>True when tagged.</returns>
    public bool HasTag(string tag)
    {
        foreach (var t in Tags)
        {
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
