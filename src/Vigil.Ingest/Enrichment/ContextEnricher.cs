using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;
using Vigil.Ingest.Enrichment.Indicators;
using Vigil.Ingest.Enrichment.Statistics;
using Vigil.Ingest.Normalization;

namespace Vigil.Ingest.Enrichment;

/// <summary>
/// The enrichment stage: resolves the users and hosts of an event's normalized view against the organisation's
/// context, adds what it knows about them under <c>&lt;entity&gt;.context.*</c>, counts what does not resolve per source,
/// and reports the threat indicators the event matches (at the event's time). Thread-safe; each thread brings its own
/// <see cref="NormalizedEvent"/> and hit list.
/// </summary>
public sealed partial class ContextEnricher
{
    /// <summary>Command lines searched for URLs (<c>curl http://host/x.sh</c>): the URL and its host are matched too.</summary>
    private static readonly string[] CommandLineAttributes = ["process.cmd_line", "process.parent_process.cmd_line"];

    private static readonly string[] UserEntities = ["actor.user", "user"];
    private static readonly string[] HostEntities = ["device", "src_endpoint", "dst_endpoint"];

    private static readonly (string Path, IndicatorKind Kind)[] IndicatorAttributes =
    [
        ("src_endpoint.ip", IndicatorKind.IpAddress),
        ("dst_endpoint.ip", IndicatorKind.IpAddress),
        ("device.ip", IndicatorKind.IpAddress),
        ("query.hostname", IndicatorKind.DomainName),
        ("dst_endpoint.hostname", IndicatorKind.DomainName),
        ("http_request.url.hostname", IndicatorKind.DomainName),
        ("http_request.url.url_string", IndicatorKind.Url),
        ("actor.user.email_addr", IndicatorKind.EmailAddress),
        ("file.hashes.md5", IndicatorKind.Md5),
        ("file.hashes.sha1", IndicatorKind.Sha1),
        ("file.hashes.sha256", IndicatorKind.Sha256),
    ];

    /// <summary>Attributes holding Sysmon-style hash lists (<c>SHA1=...,MD5=...,SHA256=...,IMPHASH=...</c>).</summary>
    private static readonly string[] HashListAttributes = ["process.file.hashes", "file.hashes", "module.file.hashes"];

    private readonly OrganizationContext _context;

    /// <summary>Creates the stage.</summary>
    /// <param name="context">The organisation context.</param>
    /// <param name="stats">Where resolution outcomes are counted; a new one when null.</param>
    public ContextEnricher(OrganizationContext context, ResolutionStats? stats = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        Stats = stats ?? new ResolutionStats();
    }

    /// <summary>Gets the resolution counts.</summary>
    public ResolutionStats Stats { get; }

    /// <summary>Enriches one normalized view in place and collects the indicators it matches.</summary>
    /// <param name="view">The view (its source type names the source in the statistics, or <paramref name="fallbackSource"/>).</param>
    /// <param name="fallbackSource">The source name used when the view has no source type (for example the file name).</param>
    /// <param name="hits">Receives the indicator matches.</param>
    public void Enrich(NormalizedEvent view, string fallbackSource, ICollection<IndicatorHit> hits)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(hits);
        var source = view.Source ?? fallbackSource;
        foreach (var entity in UserEntities)
        {
            ResolveUser(view, source, entity);
        }

        string? counted1 = null;
        string? counted2 = null;
        foreach (var entity in HostEntities)
        {
            // The same host named twice in one event (device and destination of a logon) is counted once.
            var raw = ResolveHost(view, source, entity, counted1, counted2);
            if (raw is not null)
            {
                if (counted1 is null)
                {
                    counted1 = raw;
                }
                else
                {
                    counted2 ??= raw;
                }
            }
        }

        if (_context.Indicators.All.Count > 0)
        {
            MatchIndicators(view, hits);
        }
    }

    private void ResolveUser(NormalizedEvent view, string source, string entity)
    {
        var name = view.Get(entity + ".name");
        var uid = view.Get(entity + ".uid");
        if (name is null && uid is null)
        {
            return;
        }

        var domain = view.Get(entity + ".domain");
        var raw = name is not null && domain is not null && name.IndexOfAny(['\\', '@']) < 0 ? $"{domain}\\{name}" : name;
        var result = raw is null ? default : ResolveIdentity(raw);
        if (!result.Resolved && result.Kind is not (IdentityMatchKind.System or IdentityMatchKind.Machine) && uid is not null)
        {
            var byUid = _context.Identities.Resolve(uid);
            if (byUid.Resolved || raw is null)
            {
                result = byUid;
                raw ??= uid;
            }
        }

        Stats.RecordUser(source, raw ?? uid!, result);
        var prefix = entity + ".context.";
        view.Set(prefix + "resolution", Describe(result.Kind));
        if (result.Identity is { } identity)
        {
            view.Set(prefix + "id", identity.Id);
            view.Set(prefix + "privileged", identity.Privileged ? "true" : "false");
            SetIfAny(view, prefix + "display_name", identity.DisplayName);
            SetIfAny(view, prefix + "peer_group", identity.PeerGroup);
            SetIfAny(view, prefix + "business_unit", identity.BusinessUnit);
            if (identity.Groups.Count > 0)
            {
                view.Set(prefix + "groups", string.Join(',', identity.Groups));
            }
        }
        else if (result.Machine is { } machine)
        {
            view.Set(prefix + "asset", machine.Name);
        }
    }

    /// <summary>
    /// Resolves a user name, trying the other forms sources write it in when the name as given does not resolve: an LDAP
    /// distinguished name (<c>CN=jdoe,OU=Staff,DC=corp,DC=example</c> as <c>jdoe@corp.example</c>, then <c>jdoe</c>) and a
    /// cloud session principal (<c>AROA...:jdoe@corp.example</c> by the part after the colon).
    /// </summary>
    private IdentityResolution ResolveIdentity(string raw)
    {
        var result = _context.Identities.Resolve(raw);
        if (result.Resolved || result.Kind is IdentityMatchKind.System or IdentityMatchKind.Machine or IdentityMatchKind.Ambiguous)
        {
            return result;
        }

        if (raw.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
        {
            var parts = raw.Split(',', StringSplitOptions.TrimEntries);
            var cn = parts[0][3..];
            var dns = string.Join('.', parts.Where(p => p.StartsWith("DC=", StringComparison.OrdinalIgnoreCase)).Select(p => p[3..]));
            var byUpn = dns.Length > 0 ? _context.Identities.Resolve($"{cn}@{dns}") : default;
            return byUpn.Resolved ? byUpn : _context.Identities.Resolve(cn) is { Resolved: true } byName ? byName : result;
        }

        var colon = raw.LastIndexOf(':');
        if (colon > 0 && colon < raw.Length - 1 && raw.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            var session = _context.Identities.Resolve(raw[(colon + 1)..]);
            return session.Resolved ? session : result;
        }

        return result;
    }

    /// <summary>A host name that belongs to the organisation: a short name, or a name under one of its known domains.</summary>
    private bool IsInternalName(string hostname)
    {
        if (hostname.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return true;
        }

        foreach (var domain in _context.Identities.KnownDomains)
        {
            if (domain.IndexOf('.', StringComparison.Ordinal) > 0
                && (hostname.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) || hostname.Equals(domain, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <returns>The value counted in the statistics, or null when none was.</returns>
    private string? ResolveHost(NormalizedEvent view, string source, string entity, string? countedBefore1, string? countedBefore2)
    {
        var hostname = view.Get(entity + ".hostname");
        var ip = view.Get(entity + ".ip");
        if (hostname is null && ip is null)
        {
            return null;
        }

        var result = hostname is null ? default : _context.Assets.Resolve(hostname);
        var raw = hostname;
        if (!result.Resolved && ip is not null)
        {
            var byIp = _context.Assets.Resolve(ip);
            if (byIp.Resolved || hostname is null)
            {
                result = byIp;
                raw ??= ip;
            }
        }

        // The reporting device counts, and the other side of a connection when it is resolved or named inside the
        // organisation; external names and bare addresses are resolved when they can be but not counted as misses.
        string? counted = null;
        if ((entity == "device" || result.Resolved || (hostname is not null && IsInternalName(hostname)))
            && !string.Equals(raw, countedBefore1, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(raw, countedBefore2, StringComparison.OrdinalIgnoreCase))
        {
            Stats.RecordHost(source, raw!, result);
            counted = raw;
        }

        var prefix = entity + ".context.";
        view.Set(prefix + "resolution", result.Resolved ? Describe(result.Kind) : "unresolved");
        if (result.Asset is { } asset)
        {
            view.Set(prefix + "name", asset.Name);
            view.Set(prefix + "criticality", Describe(asset.Criticality));
            SetIfAny(view, prefix + "owner", asset.Owner);
            SetIfAny(view, prefix + "business_unit", asset.BusinessUnit);
            SetIfAny(view, prefix + "type", asset.Type);
            if (asset.Tags.Count > 0)
            {
                view.Set(prefix + "tags", string.Join(',', asset.Tags));
            }
        }

        return counted;
    }

    private void MatchIndicators(NormalizedEvent view, ICollection<IndicatorHit> hits)
    {
        var ticks = view.TimeTicks;
        foreach (var (path, kind) in IndicatorAttributes)
        {
            if (view.Get(path) is { } value && _context.Indicators.Match(kind, value, ticks) is { } indicator)
            {
                hits.Add(new IndicatorHit(indicator, path, value));
            }
        }

        MatchCommandLineUrls(view, ticks, hits);
        foreach (var path in HashListAttributes)
        {
            if (view.Get(path) is not { } list)
            {
                continue;
            }

            foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var (algorithm, hash) = equals < 0 ? (string.Empty, part) : (part[..equals], part[(equals + 1)..]);
                var kind = algorithm.ToUpperInvariant() switch
                {
                    "MD5" => IndicatorKind.Md5,
                    "SHA1" => IndicatorKind.Sha1,
                    "SHA256" => IndicatorKind.Sha256,
                    _ => hash.Length switch { 32 => IndicatorKind.Md5, 40 => IndicatorKind.Sha1, 64 => IndicatorKind.Sha256, _ => (IndicatorKind?)null },
                };
                if (kind is { } k && _context.Indicators.Match(k, hash, ticks) is { } indicator)
                {
                    hits.Add(new IndicatorHit(indicator, path, hash));
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:https?|ftp)://[^\s""'|<>;]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UrlInText();

    private void MatchCommandLineUrls(NormalizedEvent view, long ticks, ICollection<IndicatorHit> hits)
    {
        foreach (var path in CommandLineAttributes)
        {
            if (view.Get(path) is not { } text || text.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in UrlInText().Matches(text))
            {
                var url = match.Value.TrimEnd('.', ',', ')', '\\');
                if (_context.Indicators.Match(IndicatorKind.Url, url, ticks) is { } byUrl)
                {
                    hits.Add(new IndicatorHit(byUrl, path, url));
                    continue;
                }

                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    continue;
                }

                var host = uri.IdnHost;
                var kind = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? IndicatorKind.IpAddress : IndicatorKind.DomainName;
                if (_context.Indicators.Match(kind, host.Trim('[', ']'), ticks) is { } byHost)
                {
                    hits.Add(new IndicatorHit(byHost, path, host));
                }
            }
        }
    }

    // Constant strings: these run for every entity of every event, so no enum formatting.
    private static string Describe(IdentityMatchKind kind) => kind switch
    {
        IdentityMatchKind.Alias or IdentityMatchKind.UserName => "resolved",
        IdentityMatchKind.Ambiguous => "ambiguous",
        IdentityMatchKind.System => "system",
        IdentityMatchKind.Machine => "machine",
        IdentityMatchKind.Empty => "empty",
        _ => "unresolved",
    };

    private static string Describe(AssetMatchKind kind) => kind switch
    {
        AssetMatchKind.Name => "name",
        AssetMatchKind.Fqdn => "fqdn",
        AssetMatchKind.FqdnFirstLabel => "fqdnfirstlabel",
        AssetMatchKind.Address => "address",
        AssetMatchKind.Prefix => "prefix",
        _ => "none",
    };

    private static string Describe(AssetCriticality criticality) => criticality switch
    {
        AssetCriticality.Low => "low",
        AssetCriticality.Medium => "medium",
        AssetCriticality.High => "high",
        AssetCriticality.Critical => "critical",
        _ => "unknown",
    };

    private static void SetIfAny(NormalizedEvent view, string path, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            view.Set(path, value);
        }
    }
}
