using System.Buffers;
using Vigil.Ingest.Enrichment.Network;

namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>Checks and normalises indicator values per kind, and parses the shared fields (times, techniques).</summary>
internal static class IndicatorValues
{
    private static readonly SearchValues<char> NotInDomain = SearchValues.Create(" /:@\\");
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>Normalises <paramref name="value"/>; returns why it is not valid, or null.</summary>
    public static string? Normalize(IndicatorKind kind, string value, out string normalized)
    {
        normalized = value.Trim();
        switch (kind)
        {
            case IndicatorKind.IpAddress:
                if (!IpKey.TryParsePrefix(normalized, out var key, out var length))
                {
                    return "is not an IP address or CIDR prefix";
                }

                normalized = length == 128 ? IpKey.Format(key) : $"{IpKey.Format(key)}/{(IpKey.IsV4(key) ? length - IpKey.V4Offset : length)}";
                return null;
            case IndicatorKind.DomainName:
                normalized = normalized.TrimEnd('.').ToLowerInvariant();
                return normalized.Length == 0 || normalized.AsSpan().IndexOfAny(NotInDomain) >= 0 ? "is not a domain name" : null;
            case IndicatorKind.Url:
                return normalized.Contains("://", StringComparison.Ordinal) ? null : "is not a URL (scheme://...)";
            case IndicatorKind.EmailAddress:
                var at = normalized.LastIndexOf('@');
                return at <= 0 || at == normalized.Length - 1 ? "is not an e-mail address" : null;
            default:
                normalized = normalized.ToLowerInvariant();
                var digits = kind switch { IndicatorKind.Md5 => 32, IndicatorKind.Sha1 => 40, _ => 64 };
                return normalized.Length == digits && normalized.AsSpan().IndexOfAnyExcept(Hex) < 0
                    ? null
                    : $"is not a {kind} hash ({digits} hexadecimal digits)";
        }
    }

    /// <summary>Parses a technique id (<c>T1110</c>, <c>t1059.001</c>) to upper case.</summary>
    public static bool TryTechnique(string text, out string technique)
    {
        technique = text.Trim().ToUpperInvariant();
        var span = technique.AsSpan();
        return span.Length is 5 or 9 && span[0] == 'T' && span[1..5].IndexOfAnyExcept(Digits) < 0
            && (span.Length == 5 || (span[5] == '.' && span[6..].IndexOfAnyExcept(Digits) < 0));
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 time; a time without an offset is UTC.</summary>
    public static bool TryTime(string text, out DateTimeOffset time)
        => DateTimeOffset.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Maps a CSV <c>type</c> (STIX object names, short names, hash names) to a kind.</summary>
    public static bool TryKind(string text, out IndicatorKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "ip" or "ipv4" or "ipv6" or "ipv4-addr" or "ipv6-addr" or "cidr":
                kind = IndicatorKind.IpAddress;
                return true;
            case "domain" or "domain-name" or "hostname":
                kind = IndicatorKind.DomainName;
                return true;
            case "url":
                kind = IndicatorKind.Url;
                return true;
            case "email" or "email-addr":
                kind = IndicatorKind.EmailAddress;
                return true;
            case "md5":
                kind = IndicatorKind.Md5;
                return true;
            case "sha1" or "sha-1":
                kind = IndicatorKind.Sha1;
                return true;
            case "sha256" or "sha-256":
                kind = IndicatorKind.Sha256;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
