namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>How a host name or address was matched to an asset.</summary>
public enum AssetMatchKind
{
    /// <summary>Not matched.</summary>
    None = 0,

    /// <summary>The short host name (ignoring case).</summary>
    Name,

    /// <summary>A fully qualified name listed for the asset (ignoring case).</summary>
    Fqdn,

    /// <summary>An FQDN the inventory does not list, whose first label is a known short name (<c>ws-0142.lab.example</c> → <c>WS-0142</c>).</summary>
    FqdnFirstLabel,

    /// <summary>An address listed for the asset.</summary>
    Address,

    /// <summary>The longest CIDR prefix holding the address.</summary>
    Prefix,
}
