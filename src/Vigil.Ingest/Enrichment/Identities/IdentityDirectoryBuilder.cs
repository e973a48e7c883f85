using System.Text.RegularExpressions;
using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Input;

namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>
/// Validates identity rows and indexes their aliases. A row without an id, or whose id is taken, is skipped. An alias
/// (<c>DOMAIN\user</c>, UPN, e-mail, SID) already held by an earlier identity is reported and stays with the earlier one
/// (the first definition in file order wins). Sam names may be shared: a bare name shared by several identities is ambiguous.
/// </summary>
internal sealed partial class IdentityDirectoryBuilder
{
    /// <summary>Gets the columns (CSV) and keys (YAML) of an identity.</summary>
    public static readonly string[] Columns =
        ["id", "display_name", "sam", "upn", "email", "sid", "aliases", "groups", "privileged", "peer_group", "business_unit", "manager"];

    private static readonly string[] AliasFields = ["sam", "upn", "email", "sid", "aliases"];

    private readonly List<Identity> _identities = [];
    private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Identity> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Identity>> _userNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declares an organisation domain (NetBIOS or DNS).</summary>
    public void AddDomain(string domain) => _domains.Add(domain.Trim());

    public void Add(ContextRow row, ContextErrors errors)
    {
        var id = row.Text("id");
        if (id is null)
        {
            errors.Add(row.Error("id", "an identity needs an id; the row is skipped"));
            return;
        }

        if (!_ids.Add(id))
        {
            errors.Add(row.Error("id", $"identity '{id}' is already defined; the row is skipped"));
            return;
        }

        if (!TryPrivileged(row, errors, out var privileged))
        {
            _ids.Remove(id);
            return;
        }

        var email = row.Text("email");
        var aliases = new List<(string Field, string Alias)>();
        foreach (var field in AliasFields)
        {
            foreach (var alias in row.List(field))
            {
                var problem = Check(field, alias);
                if (problem is null)
                {
                    aliases.Add((field, alias));
                }
                else
                {
                    errors.Add(row.Error(field, $"alias '{alias}' {problem}; the alias is ignored"));
                }
            }
        }

        var identity = new Identity(id, row.Text("display_name"), email, [.. aliases.Select(a => a.Alias).Distinct(StringComparer.OrdinalIgnoreCase)],
            row.List("groups"), privileged, row.Text("peer_group"), row.Text("business_unit"), row.Text("manager"));
        _identities.Add(identity);
        foreach (var (field, alias) in aliases)
        {
            Index(row, field, alias, identity, errors);
        }
    }

    public IdentityResolver Build(IEnumerable<string> extraDomains, IEnumerable<string> extraSystemNames, AssetResolver assets)
    {
        var domains = new HashSet<string>(_domains, StringComparer.OrdinalIgnoreCase);
        domains.UnionWith(extraDomains);
        return new IdentityResolver(_identities, _aliases, _userNames, domains, SystemAccounts.Names.Concat(extraSystemNames), assets);
    }

    private void Index(ContextRow row, string field, string alias, Identity identity, ContextErrors errors)
    {
        var slash = alias.IndexOfAny(['\\', '/']);
        var at = alias.LastIndexOf('@');
        if (slash > 0)
        {
            _domains.Add(alias[..slash]);
            AddUserName(alias[(slash + 1)..], identity);
            alias = string.Concat(alias.AsSpan(0, slash), "\\", alias.AsSpan(slash + 1));
        }
        else if (at > 0)
        {
            _domains.Add(alias[(at + 1)..]);
        }
        else if (!alias.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase))
        {
            // A sam name: shared sam names are allowed (bare lookups are then ambiguous).
            AddUserName(alias, identity);
            return;
        }

        if (_aliases.TryGetValue(alias, out var owner))
        {
            if (owner != identity)
            {
                errors.Add(row.Error(field, $"alias '{alias}' already belongs to identity '{owner.Id}'; it stays there"));
            }

            return;
        }

        _aliases[alias] = identity;
    }

    private void AddUserName(string user, Identity identity)
    {
        if (!_userNames.TryGetValue(user, out var list))
        {
            _userNames[user] = list = [];
        }

        if (!list.Contains(identity))
        {
            list.Add(identity);
        }
    }

    private static string? Check(string field, string alias)
    {
        var slash = alias.IndexOfAny(['\\', '/']);
        var at = alias.LastIndexOf('@');
        return field switch
        {
            "sid" when !SidPattern().IsMatch(alias) => "is not a SID (S-1-...)",
            "upn" or "email" when at <= 0 || at == alias.Length - 1 => "is not of the form user@domain",
            "sam" when slash >= 0 || at >= 0 => "is not a bare account name",
            _ when alias.EndsWith('$') => "is a machine account; machine accounts resolve to assets",
            _ when slash == 0 || slash == alias.Length - 1 => "is not of the form DOMAIN\\user",
            _ when alias.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) && !SidPattern().IsMatch(alias) => "is not a valid SID",
            _ => null,
        };
    }

    private static bool TryPrivileged(ContextRow row, ContextErrors errors, out bool privileged)
    {
        privileged = false;
        var text = row.Text("privileged");
        switch (text?.ToLowerInvariant())
        {
            case null or "false" or "no" or "0":
                return true;
            case "true" or "yes" or "1":
                privileged = true;
                return true;
            default:
                errors.Add(row.Error("privileged", $"'{text}' is not true or false; the row is skipped"));
                return false;
        }
    }

    [GeneratedRegex(@"^S-1-\d+(-\d+)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SidPattern();
}
