using Vigil.Core.Events;
using Vigil.Detection.Correlation;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Compilation;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Engine;

/// <summary>
/// Compiled rules: immutable and thread-safe. Each thread matches events with its own <see cref="MatchScratch"/>.
/// Per event: classify the event into logsource variants, run each variant's literal prefilter (one hash lookup and
/// one automaton pass per indexed field), then confirm only the candidate rules.
/// </summary>
public sealed class DetectionEngine
{
    private readonly Bucket _universal;
    private readonly Bucket[] _variantBuckets;
    private readonly LogsourceClassifier? _classifier;
    private readonly CompiledRule[] _compiled;
    private readonly IReadOnlyList<CorrelationBinding> _correlations;
    private readonly int _maxTriggered;
    private readonly int _maxVariants;
    private readonly int _needleCount;
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
        _maxTriggered = variantBuckets.Append(universal).Max(b => b.Triggered.Length);
        _maxVariants = Math.Max(1, variantBuckets.Length);
        var matchers = variantBuckets.Append(universal).SelectMany(b => b.Always.Concat(b.Triggered)).Distinct().ToList();
        for (var i = 0; i < matchers.Count; i++)
        {
            matchers[i].Id = i;
        }

        _matcherCount = matchers.Count;
        foreach (var field in variantBuckets.Append(universal).SelectMany(b => b.Fields))
        {
            field.NeedleBase = _needleCount;
            _needleCount += field.Automaton?.NeedleCount ?? 0;
        }
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
    public MatchScratch CreateScratch() => new(_compiled.Length, _maxTriggered, _maxVariants, _needleCount, _matcherCount);

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

        EventRecord? snapshot = null;
        RunBucket(_universal, record, scratch, hits, ref snapshot);
        if (_classifier is not null)
        {
            var count = _classifier.Classify(record, scratch.Variants);
            for (var i = 0; i < count; i++)
            {
                RunBucket(_variantBuckets[scratch.Variants[i]], record, scratch, hits, ref snapshot);
            }
        }
    }

    /// <summary>Returns whether hits of <paramref name="hit"/>'s rule are reported (false for correlation-only base rules).</summary>
    /// <param name="hit">A hit from <see cref="Match"/>.</param>
    /// <returns>True when the hit should be output.</returns>
    public static bool IsEmitted(DetectionHit hit) => hit?.Compiled?.Emit ?? true;

    /// <summary>Creates a correlation engine for the active correlation rules, or null when there are none.</summary>
    /// <returns>A new stateful correlation engine, or null.</returns>
    public CorrelationEngine? CreateCorrelationEngine() => _correlations.Count == 0 ? null : new CorrelationEngine(_correlations);

    /// <summary>Returns the ATT&amp;CK mapping the engine computed for <paramref name="rule"/>.</summary>
    /// <param name="rule">A rule given to the builder.</param>
    /// <returns>The mapping, or empty.</returns>
    public Vigil.Detection.Attack.AttackMapping AttackOf(Vigil.Detection.Sigma.Parsing.SigmaRule rule)
        => _attackByRule.GetValueOrDefault(rule) ?? Vigil.Detection.Attack.AttackMapping.Empty;

    /// <summary>Describes the buckets (rules always evaluated, rules behind the prefilter, indexed fields), largest first.</summary>
    internal IEnumerable<string> DescribeBuckets()
        => _variantBuckets.Append(_universal)
            .OrderByDescending(b => b.Always.Length * 1000 + b.Triggered.Length)
            .Select(b => $"{b.Name}: always {b.Always.Length}, triggered {b.Triggered.Length}, fields "
                + string.Join(',', b.Fields.Select(f => $"{(f.FieldId >= 0 ? Schema.NameOf(f.FieldId) : "*")}({f.Automaton?.StateCount ?? 0})"))
                + "\n    always: " + string.Join(" | ", b.Always.Select(m => m.Rule.Rule.Title)));

    /// <summary>Describes the prefilter's memory: buckets, automata, states and table bytes.</summary>
    internal string DescribeMemory()
    {
        var automata = _variantBuckets.Append(_universal).SelectMany(b => b.Fields).Select(f => f.Automaton).OfType<NeedleAutomaton>().ToList();
        return $"{_variantBuckets.Length + 1} buckets, {automata.Count} automata, {automata.Sum(a => a.StateCount):N0} states, "
            + $"{automata.Sum(a => a.TableBytes) / 1048576.0:N1} MB of tables; largest {automata.Max(a => a.TableBytes) / 1048576.0:N1} MB";
    }

    private static void RunBucket(Bucket bucket, EventRecord record, MatchScratch scratch, IList<DetectionHit> hits, ref EventRecord? snapshot)
    {
        foreach (var matcher in bucket.Always)
        {
            Confirm(matcher, record, scratch, hits, ref snapshot);
        }

        if (bucket.Triggered.Length == 0)
        {
            return;
        }

        if (++scratch.TriggerGeneration == int.MaxValue)
        {
            Array.Clear(scratch.TriggerStamp);
            Array.Clear(scratch.NeedleStamp);
            scratch.TriggerGeneration = 1;
        }

        scratch.Required = bucket.Required;
        var candidates = scratch.Candidates;
        candidates.Clear();
        var marker = new MatchScratch.Marker(scratch);
        foreach (var field in bucket.Fields)
        {
            scratch.NeedleBase = field.NeedleBase;
            if (field.FieldId == PredicateNode.KeywordField)
            {
                // Keyword needles: one automaton pass over every value of the event.
                for (var e = 0; e < record.FieldCount; e++)
                {
                    field.Automaton?.Scan(record.ValueAt(e), ref marker);
                }

                continue;
            }

            for (var e = record.First(field.FieldId); e >= 0; e = record.Next(e))
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

        if (candidates.Count > 1)
        {
            candidates.Sort();
        }

        foreach (var candidate in candidates)
        {
            Confirm(bucket.Triggered[candidate], record, scratch, hits, ref snapshot);
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
            Matched = [.. matched.DistinctBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)],
            Event = snapshot,
            FirstTime = time,
            LastTime = time,
            Compiled = rule,
        });
    }
}
