using Vigil.Core.Events;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Hunting;

/// <summary>
/// The users, hosts and addresses a rule hit is about, from the normalized, enriched view of its event (and of the events
/// a correlation correlates): canonical ids and names as logged. Not thread-safe (one view reused).
/// </summary>
internal sealed class HitEntities(Normalizer normalizer, ContextEnricher enricher)
{
    private static readonly string[] UserPaths =
    [
        "user.name", "user.context.id", "actor.user.name", "actor.user.context.id", "process.user.name",
    ];

    private static readonly string[] HostPaths =
    [
        "device.hostname", "device.context.name", "dst_endpoint.hostname", "dst_endpoint.context.name",
        "src_endpoint.hostname", "src_endpoint.context.name",
    ];

    private static readonly string[] AddressPaths = ["src_endpoint.ip", "dst_endpoint.ip", "device.ip"];

    private readonly NormalizedEvent _view = new();
    private readonly List<IndicatorHit> _ignored = [];

    /// <summary>Collects the entities of a hit.</summary>
    public (List<string> Users, List<string> Hosts, List<string> Addresses) Of(DetectionHit hit)
    {
        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in hit.CorrelatedEvents.Count > 0 ? hit.CorrelatedEvents : [hit.Event])
        {
            Collect(record, users, hosts, addresses);
        }

        return ([.. users], [.. hosts], [.. addresses]);
    }

    /// <summary>
    /// The users, hosts and addresses of a hit with the organisation's context for each (criticality, owner, business unit,
    /// privilege), for the server's incidents and risk. Canonical names are used when they resolved.
    /// </summary>
    /// <param name="hit">The hit.</param>
    /// <param name="current">The event's normalized, enriched view when the caller has it already (a single-event hit), else null.</param>
    /// <returns>The entities, users first, then hosts, then addresses.</returns>
    public List<Vigil.Server.Pipeline.AlertEntity> Describe(DetectionHit hit, NormalizedEvent? current = null)
    {
        var entities = new List<Vigil.Server.Pipeline.AlertEntity>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in hit.CorrelatedEvents.Count > 0 ? hit.CorrelatedEvents : [hit.Event])
        {
            var view = current is not null && hit.CorrelatedEvents.Count == 0 ? current : _view;
            if (!ReferenceEquals(view, current))
            {
                normalizer.Normalize(record, _view);
                _ignored.Clear();
                enricher.Enrich(_view, record.SourceName, _ignored);
            }

            string? Value(string path) => view.Get(path) is { Length: > 0 } value && value != "-" ? value : null;
            foreach (var prefix in (ReadOnlySpan<string>)["actor.user", "user", "process.user"])
            {
                var name = Value(prefix + ".context.id") ?? Value(prefix + ".name");
                if (name is not null && seen.Add("user:" + name))
                {
                    entities.Add(new("user", name, null, null, Value(prefix + ".context.business_unit"), Value(prefix + ".context.privileged") == "true"));
                }
            }

            foreach (var prefix in (ReadOnlySpan<string>)["device", "dst_endpoint", "src_endpoint"])
            {
                var name = Value(prefix + ".context.name") ?? Value(prefix + ".hostname");
                if (name is not null && seen.Add("host:" + name))
                {
                    entities.Add(new("host", name, Value(prefix + ".context.criticality") is { } c && c != "unknown" ? c : null,
                        Value(prefix + ".context.owner"), Value(prefix + ".context.business_unit"), false,
                        Value(prefix + ".context.tags")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                }
            }

            foreach (var path in AddressPaths)
            {
                if (Value(path) is { } ip && seen.Add("ip:" + ip))
                {
                    entities.Add(new("ip", ip, null, null, null, false));
                }
            }
        }

        return entities;
    }

    private void Collect(EventRecord record, HashSet<string> users, HashSet<string> hosts, HashSet<string> addresses)
    {
        normalizer.Normalize(record, _view);
        _ignored.Clear();
        enricher.Enrich(_view, record.SourceName, _ignored);
        Add(UserPaths, users);
        Add(HostPaths, hosts);
        Add(AddressPaths, addresses);
    }

    private void Add(string[] paths, HashSet<string> into)
    {
        foreach (var path in paths)
        {
            if (_view.Get(path) is { Length: > 0 } value && value != "-")
            {
                into.Add(value);
            }
        }
    }
}
