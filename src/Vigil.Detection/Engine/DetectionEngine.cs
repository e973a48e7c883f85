using Vigil.Core.Events;
using Vigil.Detection.Correlation;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Compilation;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Engine;

/// <summary>
/// Compiled rules: immutable and thread-safe. Each thread matches events with its own <see cref="MatchScratch"/>.
/// Per event: classify the event into logsource variants, run the literal prefilter of all of them at once (one hash
/// lookup and one automaton pass per indexed field), then confirm only the candidate rules, variant by variant.
/// </summary>
public sealed class DetectionEngine
{
    private readonly Bucket _universal;
    private readonly Bucket[] _variantBuckets;
    private readonly Prefilter _prefilter;
    private readonly LogsourceClassifier? _classifier;
    private readonly CompiledRule[] _compiled;
    private readonly IReadOnlyList<CorrelationBinding> _correlations;
    private readonly int _maxVariants;
    private readonly int _matcherCount;
    private readonly Dictionary<Vigil.Detection.Sigma.Parsing.SigmaRule, Vigil.Detection.Attack.AttackMapping> _attackByRule;

    internal DetectionEngine(
        IReadOnlyList<RuleStatus> rules,
        EventSchema schema,
        Bucket universal,
        Bucket[] variantBuckets,
        LogsourceClassifier? classifier,
        CompiledRule[] compiled,
        IReadOnlyList<CorrelationBinding> correlations)
    {
        Rules = rules;
        Schema = schema;
        _universal = universal;
        _variantBuckets = variantBuckets;
        _classifier = classifier;
        _compiled = compiled;
        _correlations = correlations;
        _maxVariants = Math.Max(1, variantBuckets.Length);
        var matchers = variantBuckets.Append(universal).SelectMany(b => b.Always.Concat(b.Triggered)).Distinct().ToList();
        for (var i = 0; i < matchers.Count; i++)
        {
            matchers[i].Id = i;
        }

        _matcherCount = matchers.Count;

        // Bucket i is variant i; the universal bucket comes last.
        _prefilter = new Prefilter([.. variantBuckets, universal]);
        ActiveRuleCount = rules.Count(r => r.State == RuleState.Active);
        _attackByRule = rules.ToDictionary(r => r.Rule, r => r.Attack);
    }

    /// <summary>Gets every rule given to the builder with what the engine does with it.</summary>
    public IReadOnlyList<RuleStatus> Rules { get; }

    /// <summary>Gets the field names the engine reads; readers resolve event fields against it.</summary>
    public EventSchema Schema { get; }

    /// <summary>Gets the number of active rules (detections, correlations and filters).</summary>
    public int ActiveRuleCount { get; }

    /// <summary>Gets whether any active correlation rule exists.</summary>
    public bool HasCorrelations => _correlations.Count > 0;

    /// <summary>Gets the number of regex matches abandoned at their timeout in this process (counted as no match).</summary>
    public static long RegexTimeouts => EngineCounters.RegexTimeouts;

    /// <summary>Gets the number of regexes the NonBacktracking engine refused at first use in this process (they run with a timeout).</summary>
    public static long RegexFallbacks => EngineCounters.RegexFallbacks;

    /// <summary>Creates per-thread scratch state for <see cref="Match"/>.</summary>
    /// <returns>New scratch state.</returns>
    public MatchScratch CreateScratch() => new(_compiled.Length, _prefilter, _variantBuckets.Length + 1, _maxVariants, _matcherCount);

    /// <summary>Matches one event against every active rule, appending hits (with an event snapshot) to <paramref name="hits"/>.</summary>
    /// <param name="record">The event (bound to <see cref="Schema"/>).</param>
    /// <param name="scratch">This thread's scratch state.</param>
    /// <param name="hits">Receives the hits, including those of rules that only feed correlations (see <see cref="IsEmitted"/>).</param>
    public void Match(EventRecord record, MatchScratch scratch, IList<DetectionHit> hits)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(hits);
        if (++scratch.EventGeneration == int.MaxValue)
        {
            Array.Clear(scratch.RuleStamp);
            Array.Clear(scratch.MatcherStamp);
            scratch.EventGeneration = 1;
        }

        if (++scratch.TriggerGeneration == int.MaxValue)
        {
            Array.Clear(scratch.TriggerStamp);
            Array.Clear(scratch.NeedleStamp);
            Array.Clear(scratch.BucketStamp);
            scratch.TriggerGeneration = 1;
        }

        // The buckets that apply: the universal one, then the event's variants in ascending order.
        var variantCount = _classifier?.Classify(record, scratch.Variants) ?? 0;
        var triggered = _universal.Triggered.Length > 0;
        scratch.BucketStamp[_universal.Index] = scratch.TriggerGeneration;
        for (var i = 0; i < variantCount; i++)
        {
            var bucket = _variantBuckets[scratch.Variants[i]];
            scratch.BucketStamp[bucket.Index] = scratch.TriggerGeneration;
            triggered |= bucket.Triggered.Length > 0;
        }

        var candidates = scratch.Candidates;
        candidates.Clear();
        if (triggered)
        {
            FindCandidates(record, scratch);
        }

        EventRecord? snapshot = null;
        RunBucket(_universal, record, scratch, hits, ref snapshot);
        for (var i = 0; i < variantCount; i++)
        {
            RunBucket(_variantBuckets[scratch.Variants[i]], record, scratch, hits, ref snapshot);
        }
    }

    /// <summary>Returns whether hits of <paramref name="hit"/>'s rule are reported (false for correlation-only base rules).</summary>
    /// <param name="hit">A hit from <see cref="Match"/>.</param>
    /// <returns>True when the hit should be output.</returns>
    public static bool IsEmitted(DetectionHit hit) => hit?.Compiled?.Emit ?? true;

    /// <summary>Creates a correlation engine for the active correlation rules, or null when there are none.</summary>
    /// <returns>A new stateful correlation engine, or null.</returns>
    public CorrelationEngine? CreateCorrelationEngine() => _correlations.Count == 0 ? null : new CorrelationEngine(_correlations);

    /// <summary>Creates correlation state with settings (a server allows more lateness than a file hunt: sources batch and lag).</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The correlation engine, or null when no correlation rule is loaded.</returns>
    public CorrelationEngine? CreateCorrelationEngine(CorrelationEngineOptions options) => _correlations.Count == 0 ? null : new CorrelationEngine(_correlations, options);

    /// <summary>Returns the ATT&amp;CK mapping the engine computed for <paramref name="rule"/>.</summary>
    /// <param name="rule">A rule given to the builder.</param>
    /// <returns>The mapping, or empty.</returns>
    public Vigil.Detection.Attack.AttackMapping AttackOf(Vigil.Detection.Sigma.Parsing.SigmaRule rule)
        => _attackByRule.GetValueOrDefault(rule) ?? Vigil.Detection.Attack.AttackMapping.Empty;

    /// <summary>Describes the buckets (rules always evaluated, rules behind the prefilter), largest first, then the indexed fields.</summary>
    internal IEnumerable<string> DescribeBuckets()
        => _variantBuckets.Append(_universal)
            .OrderByDescending(b => b.Always.Length * 1000 + b.Triggered.Length)
            .Select(b => $"{b.Name}: always {b.Always.Length}, triggered {b.Triggered.Length}"
                + "\n    always: " + string.Join(" | ", b.Always.Select(m => m.Rule.Rule.Title)))
            .Append("prefilter fields: " + string.Join(',', _prefilter.Fields.Select(f => $"{(f.FieldId >= 0 ? Schema.NameOf(f.FieldId) : "*")}({f.Automaton?.StateCount ?? 0})")));

    /// <summary>Describes the prefilter's memory: buckets, automata, states and table bytes.</summary>
    internal string DescribeMemory()
    {
        var automata = _prefilter.Fields.Select(f => f.Automaton).OfType<NeedleAutomaton>().ToList();
        return $"{_variantBuckets.Length + 1} buckets, {automata.Count} automata, {automata.Sum(a => a.StateCount):N0} states, "
            + $"{automata.Sum(a => a.TableBytes) / 1048576.0:N1} MB of tables; largest {(automata.Count == 0 ? 0 : automata.Max(a => a.TableBytes)) / 1048576.0:N1} MB";
    }

    /// <summary>Runs the prefilter once over the event for every bucket that applies; fills <see cref="MatchScratch.Candidates"/> (sorted).</summary>
    private void FindCandidates(EventRecord record, MatchScratch scratch)
    {
        var marker = new MatchScratch.Marker(scratch);
        foreach (var field in _prefilter.Fields)
        {
            if (field.FieldId == PredicateNode.KeywordField)
            {
                if (!AnyApplies(field.Buckets, scratch))
                {
                    continue;
                }

                // Keyword needles: one automaton pass over every value of the event.
                scratch.NeedleBase = field.NeedleBase;
                for (var e = 0; e < record.FieldCount; e++)
                {
                    field.Automaton?.Scan(record.ValueAt(e), ref marker);
                }

                continue;
            }

            var first = record.First(field.FieldId);
            if (first < 0 || !AnyApplies(field.Buckets, scratch))
            {
                continue;
            }

            scratch.NeedleBase = field.NeedleBase;
            for (var e = first; e >= 0; e = record.Next(e))
            {
                var value = record.ValueAt(e);
                if ((uint)(value.Length - field.MinWholeLength) <= (uint)(field.MaxWholeLength - field.MinWholeLength)
                    && field.Whole.TryGetValue(value, out var ids))
                {
                    foreach (var id in ids)
                    {
                        marker.Mark(id);
                    }
                }

                field.Automaton?.Scan(value, ref marker);
            }
        }

        if (scratch.Candidates.Count > 1)
        {
            scratch.Candidates.Sort();
        }
    }

    private static bool AnyApplies(int[] buckets, MatchScratch scratch)
    {
        foreach (var bucket in buckets)
        {
            if (scratch.BucketStamp[bucket] == scratch.TriggerGeneration)
            {
                return true;
            }
        }

        return false;
    }

    private static void RunBucket(Bucket bucket, EventRecord record, MatchScratch scratch, IList<DetectionHit> hits, ref EventRecord? snapshot)
    {
        foreach (var matcher in bucket.Always)
        {
            Confirm(matcher, record, scratch, hits, ref snapshot);
        }

        // The candidates are sorted global trigger ids: this bucket's are one run, in its own order.
        var candidates = scratch.Candidates;
        var start = bucket.TriggerBase;
        var end = start + bucket.Triggered.Length;
        if (candidates.Count == 0 || start == end)
        {
            return;
        }

        var i = candidates.BinarySearch(start);
        for (i = i < 0 ? ~i : i; i < candidates.Count && candidates[i] < end; i++)
        {
            Confirm(bucket.Triggered[candidates[i] - start], record, scratch, hits, ref snapshot);
        }
    }

    /// <summary>The first pair of each name (ignoring case), in order; the lists are short, so no hash set.</summary>
    private static KeyValuePair<string, string>[] DistinctByName(List<KeyValuePair<string, string>> matched)
    {
        var count = 0;
        for (var i = 0; i < matched.Count; i++)
        {
            if (!SeenBefore(matched, i))
            {
                count++;
            }
        }

        var result = new KeyValuePair<string, string>[count];
        count = 0;
        for (var i = 0; i < matched.Count; i++)
        {
            if (!SeenBefore(matched, i))
            {
                result[count++] = matched[i];
            }
        }

        return result;

        static bool SeenBefore(List<KeyValuePair<string, string>> pairs, int index)
        {
            for (var j = 0; j < index; j++)
            {
                if (string.Equals(pairs[j].Key, pairs[index].Key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static void Confirm(RuleMatcher matcher, EventRecord record, MatchScratch scratch, IList<DetectionHit> hits, ref EventRecord? snapshot)
    {
        var rule = matcher.Rule;
        ref var evaluated = ref scratch.MatcherStamp[matcher.Id];
        if (evaluated == scratch.EventGeneration || scratch.RuleStamp[rule.Index] == scratch.EventGeneration)
        {
            return;
        }

        evaluated = scratch.EventGeneration;
        if (!matcher.Node.Eval(record))
        {
            return;
        }

        scratch.RuleStamp[rule.Index] = scratch.EventGeneration;
        var matched = scratch.Matched;
        matched.Clear();
        matcher.Node.Collect(record, matched);
        snapshot ??= record.Snapshot();
        var time = snapshot.TimestampTicks > 0 ? new DateTimeOffset(snapshot.TimestampTicks, TimeSpan.Zero) : (DateTimeOffset?)null;
        hits.Add(new DetectionHit
        {
            Rule = rule.Rule,
            Attack = rule.Attack,
            Matched = DistinctByName(matched),
            Event = snapshot,
            FirstTime = time,
            LastTime = time,
            Compiled = rule,
        });
    }
}
