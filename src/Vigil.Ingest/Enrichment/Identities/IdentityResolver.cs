using System.Collections.Frozen;
using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>
/// Resolves the forms a user takes in events (<c>CORP\jdoe</c>, <c>corp/jdoe</c>, <c>jdoe@corp.example</c>, a SID, a bare
/// <c>jdoe</c>) to one identity. Order: empty → system principal → machine account (<c>HOST$</c>) → exact alias →
/// user part of <c>DOMAIN\user</c> or <c>user@domain</c> when the domain is a known one → SIDs only exactly → a bare
/// name by sam name when exactly one identity has it. All ignore case. Immutable and thread-safe; no allocation per lookup.
/// </summary>
public sealed class IdentityResolver
{
    private const int MaxLength = 512;

    private readonly FrozenDictionary<string, Identity>.AlternateLookup<ReadOnlySpan<char>> _aliases;
    private readonly FrozenDictionary<string, Identity[]>.AlternateLookup<ReadOnlySpan<char>> _userNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _domains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _systemNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _systemDomains;
    private readonly AssetResolver _assets;

    internal IdentityResolver(
        IReadOnlyList<Identity> identities, Dictionary<string, Identity> aliases, Dictionary<string, List<Identity>> userNames,
        IEnumerable<string> domains, IEnumerable<string> systemNames, AssetResolver assets)
    {
        Identities = identities;
        _aliases = aliases.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _userNames = userNames.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        KnownDomains = domains.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _domains = ((FrozenSet<string>)KnownDomains).GetAlternateLookup<ReadOnlySpan<char>>();
        _systemNames = systemNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _systemDomains = SystemAccounts.Domains.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _assets = assets;
    }

    /// <summary>Gets every identity, in file order.</summary>
    public IReadOnlyList<Identity> Identities { get; }

    /// <summary>Gets the organisation's domains (NetBIOS and DNS): declared, configured, and taken from the aliases.</summary>
    public IReadOnlySet<string> KnownDomains { get; }

    /// <summary>Resolves a raw user value.</summary>
    /// <param name="raw">The value from an event.</param>
    /// <returns>The identity (or machine asset) and what the value turned out to be.</returns>
    public IdentityResolution Resolve(ReadOnlySpan<char> raw)
    {
        scoped var text = raw.Trim();
        if (text.IsEmpty || text is "-")
        {
            return new IdentityResolution(null, IdentityMatchKind.Empty);
        }

        if (text.Length > MaxLength)
        {
            return new IdentityResolution(null, IdentityMatchKind.Unresolved);
        }

        Span<char> buffer = stackalloc char[text.Length];
        if (text.IndexOfAny('\\', '@') < 0 && text.IndexOf('/') > 0)
        {
            // domain/user: the same as domain\user.
            text.CopyTo(buffer);
            buffer[text.IndexOf('/')] = '\\';
            text = buffer;
        }

        var slash = text.IndexOf('\\');
        var at = slash < 0 ? text.LastIndexOf('@') : -1;
        var domain = slash >= 0 ? text[..slash] : at >= 0 ? text[(at + 1)..] : default;
        var user = slash >= 0 ? text[(slash + 1)..] : at >= 0 ? text[..at] : text;
        if (IsSystem(text, domain, user))
        {
            return new IdentityResolution(null, IdentityMatchKind.System);
        }

        if (user.Length > 1 && user[^1] == '$')
        {
            var asset = _assets.Resolve(user[..^1]).Asset;
            return new IdentityResolution(null, IdentityMatchKind.Machine, asset);
        }

        if (_aliases.TryGetValue(text, out var exact))
        {
            return new IdentityResolution(exact, IdentityMatchKind.Alias);
        }

        if (slash >= 0 || at >= 0)
        {
            return user.IsEmpty || !_domains.Contains(domain) ? Unresolved : ByUserName(user);
        }

        return text.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) ? Unresolved : ByUserName(text);
    }

    /// <summary>Resolves a raw user value.</summary>
    /// <param name="raw">The value from an event, or null.</param>
    /// <returns>The identity (or machine asset) and what the value turned out to be.</returns>
    public IdentityResolution Resolve(string? raw) => Resolve(raw.AsSpan());

    private static IdentityResolution Unresolved => new(null, IdentityMatchKind.Unresolved);

    private IdentityResolution ByUserName(ReadOnlySpan<char> user)
    {
        if (!_userNames.TryGetValue(user, out var found))
        {
            return Unresolved;
        }

        return found.Length == 1
            ? new IdentityResolution(found[0], IdentityMatchKind.UserName)
            : new IdentityResolution(null, IdentityMatchKind.Ambiguous);
    }

    private bool IsSystem(ReadOnlySpan<char> text, ReadOnlySpan<char> domain, ReadOnlySpan<char> user)
    {
        if (_systemNames.Contains(text) || (!domain.IsEmpty && _systemDomains.Contains(domain)) || (!domain.IsEmpty && _systemNames.Contains(user)))
        {
            return true;
        }

        foreach (var prefix in SystemAccounts.Prefixes)
        {
            if (user.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
