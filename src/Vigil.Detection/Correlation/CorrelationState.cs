using System.Globalization;
using System.Text;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Correlation;

/// <summary>
/// The runtime state of one correlation rule: its groups, a queue of groups by the time their oldest open window closes,
/// and the frontier up to which windows have been evaluated.
/// </summary>
internal sealed class CorrelationState
{
    private readonly Dictionary<string, CorrelationGroup> _groups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<CorrelationGroup, long> _queue = new();
    private readonly CorrelationCondition _condition;
    private readonly long _span;
    private readonly int _maxEvents;
    private readonly CorrelationCounters _counters;

    public CorrelationState(CorrelationBinding binding, int order, CorrelationEngineOptions options, CorrelationCounters counters)
    {
        Rule = binding.Rule;
        Definition = binding.Definition;
        Order = order;
        _condition = Definition.EffectiveCondition;
        _span = Definition.Timespan.Ticks;
        _maxEvents = options.MaxEventsPerMatch;
        _counters = counters;
    }

    public SigmaRule Rule { get; }

    public CorrelationDefinition Definition { get; }

    /// <summary>Gets or sets the position in evaluation (topological) order.</summary>
    public int Order { get; set; }

    public long SpanTicks => _span;

    /// <summary>Gets the correlations this one reads matches from (set by the engine).</summary>
    public List<CorrelationState> Upstream { get; } = [];

    /// <summary>Gets the correlations that read this one's matches, with the slot they read them into.</summary>
    public List<(CorrelationState State, int Slot)> Downstream { get; } = [];

    /// <summary>Gets or sets whether this correlation reads hits of detection rules (not only other correlations).</summary>
    public bool HasRuleInputs { get; set; }

    /// <summary>Gets or sets whether matches are reported (false for a chained correlation whose consumers all have generate: false).</summary>
    public bool Reported { get; set; } = true;

    /// <summary>Gets the frontier of the last evaluation: every window ending before it has been decided.</summary>
    public long LastFrontier { get; private set; } = long.MinValue;

    public int BufferedEventCount => _groups.Values.Sum(g => g.Buffer.Count - g.Anchor + g.Pending.Count);

    /// <summary>Computes this correlation's frontier from the rule frontier and the frontiers of its upstream correlations.</summary>
    public long ComputeFrontier(long ruleFrontier)
    {
        var frontier = HasRuleInputs ? ruleFrontier : long.MaxValue;
        foreach (var upstream in Upstream)
        {
            frontier = Math.Min(frontier, SaturatingSubtract(upstream.LastFrontier, upstream.SpanTicks));
        }

        return frontier;
    }

    /// <summary>Buffers one event produced by the rule in <paramref name="slot"/>; skips (and counts) it when a field is missing.</summary>
    public void Accept(EventRecord record, long time, ulong fingerprint, int slot, string ruleKey, string? ruleName)
    {
        var values = new string[Definition.GroupBy.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = record.GetString(Definition.ResolveField(Definition.GroupBy[i], ruleKey, ruleName));
            if (value is null)
            {
                _counters.MissingGroupField++;
                return;
            }

            values[i] = value;
        }

        string? text = null;
        double number = 0;
        if (Definition.ValueField is { } valueField)
        {
            text = record.GetString(Definition.ResolveField(valueField, ruleKey, ruleName));
            if (text is null)
            {
                _counters.MissingValueField++;
                return;
            }

            if (Definition.Type is CorrelationType.ValueSum or CorrelationType.ValueAvg
                && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number)))
            {
                _counters.NonNumericValue++;
                return;
            }
        }

        var entry = new CorrelationEntry { Event = record, Time = time, Slot = slot, Value = text, Number = number, Fingerprint = fingerprint };
        var key = GroupKeyOf(values);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new CorrelationGroup(key, values, WindowAggregator.Create(Definition.Type, Definition.Rules.Count));
            _groups.Add(key, group);
        }

        group.AddPending(entry);
        Schedule(group);
    }

    /// <summary>Evaluates every window that closes before <paramref name="frontier"/> (all windows when <paramref name="final"/>).</summary>
    public void Evaluate(long frontier, bool final, List<CorrelationMatch> output)
    {
        while (_queue.TryPeek(out var group, out var deadline) && (final || deadline < frontier))
        {
            _queue.Dequeue();
            if (group.QueuedDeadline != deadline)
            {
                continue;
            }

            group.QueuedDeadline = null;
            Sweep(group, frontier, final, output);
            if (group.IsEmpty)
            {
                _groups.Remove(group.Key);
            }
            else
            {
                Schedule(group);
            }
        }

        if (!final)
        {
            LastFrontier = Math.Max(LastFrontier, frontier);
        }
    }

    private void Sweep(CorrelationGroup group, long frontier, bool final, List<CorrelationMatch> output)
    {
        group.MergePending();
        var buffer = group.Buffer;
        var aggregator = group.Aggregator;
        while (group.Anchor < buffer.Count)
        {
            var anchor = buffer[group.Anchor];
            var end = SaturatingAdd(anchor.Time, _span);
            if (!final && end >= frontier)
            {
                break;
            }

            var grew = false;
            while (group.Right < buffer.Count && buffer[group.Right].Time <= end)
            {
                aggregator.Add(buffer[group.Right++]);
                grew = true;
            }

            // A window holding no event past the previous (unfired) window is a subset of it: only maximal windows are evaluated.
            if (grew && aggregator.IsSatisfied(_condition))
            {
                Emit(group, output);
                aggregator.Clear();
                group.Anchor = group.Right;
            }
            else
            {
                aggregator.Remove(anchor);
                group.Anchor++;
            }
        }

        group.Evict();
    }

    private void Emit(CorrelationGroup group, List<CorrelationMatch> output)
    {
        var window = group.Buffer.GetRange(group.Anchor, group.Right - group.Anchor);
        if (group.Aggregator is ShareAggregator shares)
        {
            foreach (var (value, share) in shares.SatisfyingValues(_condition))
            {
                var events = window.FindAll(e => string.Equals(e.Value, value, StringComparison.Ordinal));
                output.Add(CreateMatch(group, events, share, value));
            }
        }
        else
        {
            output.Add(CreateMatch(group, window, group.Aggregator.Value, fieldValue: null));
        }
    }

    private CorrelationMatch CreateMatch(CorrelationGroup group, List<CorrelationEntry> events, double value, string? fieldValue)
    {
        var kept = new EventRecord[Math.Min(events.Count, _maxEvents)];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = events[i].Event;
        }

        var pairs = new KeyValuePair<string, string>[group.Values.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(Definition.GroupBy[i], group.Values[i]);
        }

        return new CorrelationMatch
        {
            Rule = Rule,
            Group = pairs,
            Value = value,
            FieldValue = fieldValue,
            FirstTimeTicks = events[0].Time,
            LastTimeTicks = events[^1].Time,
            Events = kept,
            EventCount = events.Count,
            RuleOrder = Order,
            GroupKey = group.Key,
        };
    }

    private void Schedule(CorrelationGroup group)
    {
        var deadline = SaturatingAdd(group.FirstOpenTime, _span);
        if (group.QueuedDeadline is { } queued && queued <= deadline)
        {
            return;
        }

        group.QueuedDeadline = deadline;
        _queue.Enqueue(group, deadline);
    }

    private static string GroupKeyOf(string[] values)
    {
        if (values.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            builder.Append(value.Length).Append(':').Append(value);
        }

        return builder.ToString();
    }

    internal static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    internal static long SaturatingSubtract(long a, long b) => a < long.MinValue + b ? long.MinValue : a - b;
}
