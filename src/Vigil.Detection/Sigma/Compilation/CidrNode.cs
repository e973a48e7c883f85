using System.Net;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>IP address inside any (or, with <c>all</c>, every) of the networks.</summary>
internal sealed class CidrNode(int fieldId, FieldPredicate predicate)
    : PredicateNode(fieldId, predicate.Networks.Count, predicate.All, predicate.NotEqual, matchesNull: false)
{
    private readonly IPNetwork[] _networks = [.. predicate.Networks];

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
        => IPAddress.TryParse(value.Trim(), out var address) && _networks[group].Contains(Normalize(address, _networks[group]));

    protected override bool MatchAny(ReadOnlySpan<char> value, EventRecord record)
    {
        if (!IPAddress.TryParse(value.Trim(), out var address))
        {
            return false;
        }

        foreach (var network in _networks)
        {
            if (network.Contains(Normalize(address, network)))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Normalize(IPAddress address, IPNetwork network)
        => address.IsIPv4MappedToIPv6 && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv4() : address;
}
