using Vigil.Ingest.Enrichment.Identities;

namespace Vigil.Analytics.Behaviour.Context;

/// <summary>A set of users named in a context file: an identity id, <c>group:NAME</c>, <c>peer_group:NAME</c>, or <c>*</c>.</summary>
internal sealed class UserScope
{
    private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _peerGroups = new(StringComparer.OrdinalIgnoreCase);
    private bool _any;

    /// <summary>Gets whether the scope names nobody.</summary>
    public bool IsEmpty => !_any && _ids.Count == 0 && _groups.Count == 0 && _peerGroups.Count == 0;

    /// <summary>Parses the entries.</summary>
    public static UserScope Parse(IEnumerable<string> entries)
    {
        var scope = new UserScope();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry is "*" or "any")
            {
                scope._any = true;
            }
            else if (entry.StartsWith("group:", StringComparison.OrdinalIgnoreCase))
            {
                scope._groups.Add(entry[6..].Trim());
            }
            else if (entry.StartsWith("peer_group:", StringComparison.OrdinalIgnoreCase))
            {
                scope._peerGroups.Add(entry[11..].Trim());
            }
            else
            {
                // A bare word is an identity id, and also a group or peer group of that name (maintenance files list either).
                scope._ids.Add(entry);
                scope._groups.Add(entry);
                scope._peerGroups.Add(entry);
            }
        }

        return scope;
    }

    /// <summary>Whether a user (its identity when resolved, else its id as observed) is in the scope.</summary>
    public bool Contains(Identity? identity, string? user)
    {
        if (_any)
        {
            return true;
        }

        if (user is not null && _ids.Contains(user))
        {
            return true;
        }

        return identity is not null
            && (_ids.Contains(identity.Id)
                || identity.Groups.Any(_groups.Contains)
                || (identity.PeerGroup is not null && _peerGroups.Contains(identity.PeerGroup)));
    }
}
