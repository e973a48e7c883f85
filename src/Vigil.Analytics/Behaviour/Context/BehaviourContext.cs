using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;

namespace Vigil.Analytics.Behaviour.Context;

/// <summary>
/// What the organisation told Vigil that shapes the models: its identities (peer groups, privilege), assets
/// (criticality, tags), maintenance windows and approved privileged-access patterns. Immutable and thread-safe.
/// </summary>
internal sealed class BehaviourContext
{
    private readonly Dictionary<string, Identity> _identities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _peers = new(StringComparer.OrdinalIgnoreCase);
    private readonly AssetResolver? _resolver;

    public BehaviourContext(OrganizationContext? organization, IReadOnlyList<MaintenanceWindow> maintenance, IReadOnlyList<ApprovedAccess> approved)
    {
        Maintenance = maintenance;
        Approved = approved;
        if (organization is null)
        {
            return;
        }

        _resolver = organization.Assets;
        foreach (var identity in organization.Identities.Identities)
        {
            _identities.TryAdd(identity.Id, identity);
            if (identity.PeerGroup is { } peer)
            {
                if (!_peers.TryGetValue(peer, out var members))
                {
                    _peers[peer] = members = [];
                }

                members.Add(identity.Id);
            }
        }

        foreach (var asset in organization.Assets.Assets)
        {
            _assets.TryAdd(asset.Name, asset);
        }
    }

    /// <summary>Gets an empty context: no identities, assets, windows or patterns.</summary>
    public static BehaviourContext Empty { get; } = new(null, [], []);

    public IReadOnlyList<MaintenanceWindow> Maintenance { get; }

    public IReadOnlyList<ApprovedAccess> Approved { get; }

    /// <summary>The identity of a canonical id, or null.</summary>
    public Identity? IdentityOf(string? user) => user is not null && _identities.TryGetValue(user, out var identity) ? identity : null;

    /// <summary>The asset of a host (asset name, FQDN or address), or null.</summary>
    public Asset? AssetOf(string? host)
    {
        if (host is null)
        {
            return null;
        }

        if (_assets.TryGetValue(host, out var asset))
        {
            return asset;
        }

        var resolution = _resolver?.Resolve(host);
        return resolution is { Asset: { } found, Kind: not AssetMatchKind.Prefix } ? found : null;
    }

    /// <summary>The members (identity ids) of a peer group; empty when unknown.</summary>
    public IReadOnlyList<string> PeersOf(string? peerGroup)
        => peerGroup is not null && _peers.TryGetValue(peerGroup, out var members) ? members : [];

    /// <summary>The maintenance window covering a host at a time (and the user, when the window names who acts), or null.</summary>
    public (MaintenanceWindow Window, DateTimeOffset Start)? MaintenanceAt(DateTimeOffset time, string? host, string? address, string? user)
    {
        if (Maintenance.Count == 0)
        {
            return null;
        }

        var asset = AssetOf(host);
        var identity = IdentityOf(user);
        foreach (var window in Maintenance)
        {
            // A window covers its hosts (for whoever acts on them, or for the users it names), and the users it names
            // wherever they act from (an administrator patching from a workstation or over the VPN at night).
            var named = user is not null && !window.Users.IsEmpty && window.Users.Contains(identity, user);
            var covered = window.Assets.Contains(asset, host, address) && (window.Users.IsEmpty || user is null || named);
            if (!covered && !named)
            {
                continue;
            }

            if (window.OccurrenceAt(time) is { } start)
            {
                return (window, start);
            }
        }

        return null;
    }

    /// <summary>The approved privileged-access pattern matching a user going from a source to a destination at a time, or null.</summary>
    public ApprovedAccess? ApprovedFor(string? user, string? sourceHost, string? sourceAddress, string? host, DateTimeOffset time)
    {
        if (Approved.Count == 0 || user is null)
        {
            return null;
        }

        var identity = IdentityOf(user);
        var source = AssetOf(sourceHost) ?? AssetOf(sourceAddress);
        var destination = AssetOf(host);
        foreach (var pattern in Approved)
        {
            if (pattern.Users.Contains(identity, user)
                && (pattern.From.IsEmpty || pattern.From.Contains(source, sourceHost, sourceAddress))
                && (pattern.To.IsEmpty || pattern.To.Contains(destination, host, null))
                && pattern.CoversHour(time.UtcDateTime.Hour))
            {
                return pattern;
            }
        }

        return null;
    }
}
