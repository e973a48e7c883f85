using Vigil.Core.Events;

namespace Vigil.Detection.Correlation;

/// <summary>
/// Evaluates Sigma correlation rules over rule hits in event time. Feed hits with <see cref="Add"/> in any order;
/// <see cref="Advance"/> reports the windows that can no longer change, <see cref="Complete"/> flushes the rest.
/// Results depend only on the set of events (not on arrival order) as long as no event is late
/// (see <see cref="CorrelationEngineOptions.AllowedLateness"/>). Thread-safe: calls are serialised by a lock.
/// Semantics are described in docs/correlation.md.
/// </summary>
public sealed class CorrelationEngine
{
    private readonly Lock _lock = new();
    private readonly List<CorrelationState> _states;
    private readonly Dictionary<string, List<(CorrelationState State, int Slot)>> _consumers = new(StringComparer.OrdinalIgnoreCase);
    private readonly CorrelationCounters _counters = new();
    private readonly long _lateness;
    private long _watermark = long.MinValue;

    /// <summary>Creates an engine for <paramref name="bindings"/>.</summary>
    /// <param name="bindings">The correlation rules; references between them (chains) are resolved by rule id or name.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The correlations reference each other in a cycle, or two share an id or name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CorrelationEngine(IEnumerable<CorrelationBinding> bindings, CorrelationEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        Options = options ?? new CorrelationEngineOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.AllowedLateness, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxEventsPerMatch, 1, nameof(options));
        _lateness = Options.AllowedLateness.Ticks;
        var states = bindings.Select((b, i) => new CorrelationState(b, i, Options, _counters)).ToList();
        _states = CorrelationGraph.Link(states, _consumers);
    }

    /// <summary>Gets the settings.</summary>
    public CorrelationEngineOptions Options { get; }

    /// <summary>Gets the number of hits skipped because their event time was unknown (0) or out of range.</summary>
    public long UnknownTimeEventCount => Read(() => _counters.UnknownTime);

    /// <summary>Gets the number of hits dropped because they arrived older than (watermark - allowed lateness).</summary>
    public long LateEventCount => Read(() => _counters.Late);

    /// <summary>Gets the number of (hit, correlation) pairs skipped because a group-by field was missing.</summary>
    public long MissingGroupFieldCount => Read(() => _counters.MissingGroupField);

    /// <summary>Gets the number of (hit, correlation) pairs skipped because the value field was missing.</summary>
    public long MissingValueFieldCount => Read(() => _counters.MissingValueField);

    /// <summary>Gets the number of (hit, correlation) pairs skipped because value_sum or value_avg met a non-numeric value.</summary>
    public long NonNumericValueCount => Read(() => _counters.NonNumericValue);

    /// <summary>Gets the number of events buffered in open windows (memory in use).</summary>
    public int BufferedEventCount => Read(() => _states.Sum(s => s.BufferedEventCount));

    /// <summary>Gets the highest watermark given to <see cref="Advance"/> (UTC ticks), or <see cref="long.MinValue"/>.</summary>
    public long WatermarkTicks => Read(() => _watermark);

    /// <summary>Adds a hit of a detection rule. Hits of rules no correlation references are ignored.</summary>
    /// <param name="ruleKey">The id of the rule that fired (or its name when it has no id).</param>
    /// <param name="ruleName">The name of the rule, or null.</param>
    /// <param name="eventSnapshot">The event (kept: pass a snapshot); <see cref="EventRecord.TimestampTicks"/> is its time.</param>
    public void Add(string ruleKey, string? ruleName, EventRecord eventSnapshot)
    {
        ArgumentNullException.ThrowIfNull(ruleKey);
        ArgumentNullException.ThrowIfNull(eventSnapshot);
        lock (_lock)
        {
            var consumers = FindConsumers(ruleKey, ruleName);
            if (consumers.Count == 0)
            {
                return;
            }

            var time = eventSnapshot.TimestampTicks;
            if (time <= 0 || time > DateTime.MaxValue.Ticks)
            {
                _counters.UnknownTime++;
                return;
            }

            if (time < CorrelationState.SaturatingSubtract(_watermark, _lateness))
            {
                _counters.Late++;
                return;
            }

            var fingerprint = CorrelationEntry.ComputeFingerprint(eventSnapshot);
            foreach (var (state, slot) in consumers)
            {
                state.Accept(eventSnapshot, time, fingerprint, slot, ruleKey, ruleName);
            }
        }
    }

    /// <summary>
    /// Moves event time forward: the caller promises no more hits older than <paramref name="watermarkTicks"/> minus the allowed
    /// lateness. Evaluates every window that closed before that point and returns the matches, ordered by rule, time and group.
    /// </summary>
    /// <param name="watermarkTicks">The event time (UTC ticks) all inputs have reached; lower values than before are ignored.</param>
    /// <returns>The new matches.</returns>
    public IReadOnlyList<CorrelationMatch> Advance(long watermarkTicks)
    {
        lock (_lock)
        {
            _watermark = Math.Max(_watermark, watermarkTicks);
            return Evaluate(CorrelationState.SaturatingSubtract(_watermark, _lateness), final: false);
        }
    }

    /// <summary>Ends the input: evaluates every open window and returns the matches, ordered by rule, time and group.</summary>
    /// <returns>The remaining matches.</returns>
    public IReadOnlyList<CorrelationMatch> Complete()
    {
        lock (_lock)
        {
            return Evaluate(long.MaxValue, final: true);
        }
    }

    private List<CorrelationMatch> Evaluate(long ruleFrontier, bool final)
    {
        var output = new List<CorrelationMatch>();
        var local = new List<CorrelationMatch>();
        foreach (var state in _states)
        {
            local.Clear();
            var frontier = final ? long.MaxValue : state.ComputeFrontier(ruleFrontier);
            state.Evaluate(frontier, final, local);
            foreach (var match in local)
            {
                Feed(state, match);
                if (state.Reported)
                {
                    output.Add(match);
                }
            }
        }

        output.Sort(CompareMatches);
        return output;
    }

    private void Feed(CorrelationState source, CorrelationMatch match)
    {
        if (source.Downstream.Count == 0)
        {
            return;
        }

        var record = ChainedEvent(source, match);
        var fingerprint = CorrelationEntry.ComputeFingerprint(record);
        foreach (var (state, slot) in source.Downstream)
        {
            if (match.LastTimeTicks < state.LastFrontier)
            {
                _counters.Late++;
                continue;
            }

            state.Accept(record, match.LastTimeTicks, fingerprint, slot, source.Rule.Key, source.Rule.Name);
        }
    }

    /// <summary>Builds the event a chained correlation sees for a match: the group fields, then the last contributing event's fields.</summary>
    private static EventRecord ChainedEvent(CorrelationState source, CorrelationMatch match)
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        foreach (var (name, value) in match.Group)
        {
            record.Add(name, value);
        }

        if (match.Events.Count > 0)
        {
            var last = match.Events[^1];
            for (var i = 0; i < last.FieldCount; i++)
            {
                record.Add(last.NameAt(i), last.ValueAt(i), last.KindAt(i));
            }
        }

        record.SourceName = CorrelationConstants.ChainedSourcePrefix + source.Rule.Key;
        record.TimestampTicks = match.LastTimeTicks;
        return record;
    }

    private List<(CorrelationState State, int Slot)> FindConsumers(string ruleKey, string? ruleName)
    {
        var byKey = _consumers.GetValueOrDefault(ruleKey);
        var byName = ruleName is null || string.Equals(ruleName, ruleKey, StringComparison.OrdinalIgnoreCase)
            ? null
            : _consumers.GetValueOrDefault(ruleName);
        if (byName is null)
        {
            return byKey ?? [];
        }

        if (byKey is null)
        {
            return byName;
        }

        // A correlation that lists both the id and the name of one rule reads each hit once, into the first slot.
        var merged = new List<(CorrelationState State, int Slot)>(byKey);
        foreach (var (state, slot) in byName)
        {
            var at = merged.FindIndex(c => ReferenceEquals(c.State, state));
            if (at < 0)
            {
                merged.Add((state, slot));
            }
            else if (slot < merged[at].Slot)
            {
                merged[at] = (state, slot);
            }
        }

        return merged;
    }

    private static int CompareMatches(CorrelationMatch x, CorrelationMatch y)
    {
        var c = x.RuleOrder.CompareTo(y.RuleOrder);
        c = c != 0 ? c : x.FirstTimeTicks.CompareTo(y.FirstTimeTicks);
        c = c != 0 ? c : string.CompareOrdinal(x.GroupKey, y.GroupKey);
        c = c != 0 ? c : x.LastTimeTicks.CompareTo(y.LastTimeTicks);
        return c != 0 ? c : string.CompareOrdinal(x.FieldValue, y.FieldValue);
    }

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }
}
