namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>What an indicator's value is.</summary>
public enum IndicatorKind
{
    /// <summary>An IPv4 or IPv6 address or CIDR prefix (STIX <c>ipv4-addr</c>, <c>ipv6-addr</c>).</summary>
    IpAddress = 0,

    /// <summary>A domain name; it also matches its subdomains (STIX <c>domain-name</c>).</summary>
    DomainName,

    /// <summary>A URL, compared whole, ignoring case (STIX <c>url</c>).</summary>
    Url,

    /// <summary>An e-mail address, ignoring case (STIX <c>email-addr</c>).</summary>
    EmailAddress,

    /// <summary>An MD5 file hash (32 hex digits, any case).</summary>
    Md5,

    /// <summary>A SHA-1 file hash (40 hex digits, any case).</summary>
    Sha1,

    /// <summary>A SHA-256 file hash (64 hex digits, any case).</summary>
    Sha256,
}
