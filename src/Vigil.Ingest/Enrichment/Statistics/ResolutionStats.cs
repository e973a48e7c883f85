using System.Collections.Concurrent;
using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;

namespace Vigil.Ingest.Enrichment.Statistics;

/// <summary>
/// Counts, per source, the users and hosts that resolved, did not resolve or were ambiguous, and keeps the most
/// frequent unresolved values in bounded memory, so a host can report what does not resolve, per source.
/// Thread-safe: counters are atomic; only unresolved values take a short lock.
/// </summary>
public sealed class ResolutionStats
{
    /// <summary>The default number of top values reported per source and list: 20.</summary>
    public const int DefaultTopCount = 20;

    private const int TrackedPerReported = 10;

    private readonly ConcurrentDictionary<string, Counters> _sources = new(StringComparer.Ordinal);
    private readonly int _topCount;

    /// <summary>Creates empty statistics.</summary>
    /// <param name="topCount">How many top values to report per source and list (1..1000); ten times as many are tracked.</param>
    public ResolutionStats(int topCount = DefaultTopCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topCount, 1000);
        _topCount = topCount;
    }

    /// <summary>Counts one user value of <paramref name="source"/>; empty values are not counted.</summary>
    /// <param name="source">The source name.</param>
    /// <param name="raw">The raw value, kept when it does not resolve.</param>
    /// <param name="result">What resolving it gave.</param>
    public void RecordUser(string source, string raw, IdentityResolution result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(raw);
        switch (result.Kind)
        {
            case IdentityMatchKind.Empty:
                return;
            case IdentityMatchKind.Alias or IdentityMatchKind.UserName:
                Interlocked.Increment(ref For(source).UsersResolved);
                return;
            case IdentityMatchKind.System or IdentityMatchKind.Machine:
                Interlocked.Increment(ref For(source).UsersSystem);
                return;
            case IdentityMatchKind.Ambiguous:
                var ambiguous = For(source);
                Interlocked.Increment(ref ambiguous.UsersAmbiguous);
                ambiguous.AmbiguousUsers.Add(raw.Trim());
                return;
            default:
                var unresolved = For(source);
                Interlocked.Increment(ref unresolved.UsersUnresolved);
                unresolved.UnresolvedUsers.Add(raw.Trim());
                return;
        }
    }

    /// <summary>Counts one host value of <paramref name="source"/>; empty values (and <c>-</c>) are not counted.</summary>
    /// <param name="source">The source name.</param>
    /// <param name="raw">The raw value, kept when it does not resolve.</param>
    /// <param name="result">What resolving it gave.</param>
    public void RecordHost(string source, string raw, AssetResolution result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(raw);
        if (result.Resolved)
        {
            Interlocked.Increment(ref For(source).HostsResolved);
            return;
        }

        var trimmed = raw.Trim();
        if (trimmed.Length == 0 || trimmed == "-")
        {
            return;
        }

        var counters = For(source);
        Interlocked.Increment(ref counters.HostsUnresolved);
        counters.UnresolvedHosts.Add(trimmed);
    }

    /// <summary>Takes a snapshot of every source, ordered by name.</summary>
    /// <returns>One summary per source.</returns>
    public IReadOnlyList<SourceResolutionSummary> Snapshot()
        => [.. _sources.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new SourceResolutionSummary
        {
            Source = p.Key,
            UsersResolved = Interlocked.Read(ref p.Value.UsersResolved),
            UsersUnresolved = Interlocked.Read(ref p.Value.UsersUnresolved),
            UsersAmbiguous = Interlocked.Read(ref p.Value.UsersAmbiguous),
            UsersSystem = Interlocked.Read(ref p.Value.UsersSystem),
            HostsResolved = Interlocked.Read(ref p.Value.HostsResolved),
            HostsUnresolved = Interlocked.Read(ref p.Value.HostsUnresolved),
            TopUnresolvedUsers = p.Value.UnresolvedUsers.Top(_topCount),
            TopAmbiguousUsers = p.Value.AmbiguousUsers.Top(_topCount),
            TopUnresolvedHosts = p.Value.UnresolvedHosts.Top(_topCount),
        })];

    private Counters For(string source) => _sources.GetOrAdd(source, static (_, capacity) => new Counters(capacity), _topCount * TrackedPerReported);

    private sealed class Counters(int capacity)
    {
#pragma warning disable SA1401, CA1051 // Fields updated with Interlocked.
        public long UsersResolved;
        public long UsersUnresolved;
        public long UsersAmbiguous;
        public long UsersSystem;
        public long HostsResolved;
        public long HostsUnresolved;
#pragma warning restore SA1401, CA1051

        public TopValues UnresolvedUsers { get; } = new(capacity);

        public TopValues AmbiguousUsers { get; } = new(capacity);

        public TopValues UnresolvedHosts { get; } = new(capacity);
    }
}
