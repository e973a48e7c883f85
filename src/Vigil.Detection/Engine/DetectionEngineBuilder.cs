using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Correlation;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Compilation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Engine;

/// <summary>Collects rules and settings, then compiles them once into an immutable <see cref="DetectionEngine"/>.</summary>
public sealed class DetectionEngineBuilder
{
    private readonly List<SigmaRule> _rules = [];
    private LogsourceMap? _logsources;
    private AttackCatalog _attack = AttackCatalog.BuiltIn;
    private RuleSelection _selection = RuleSelection.All;
    private bool _strictLogsource;

    /// <summary>Gets or sets whether to skip the literal prefilter and evaluate every rule on every event (for tests and benchmarks).</summary>
    internal bool DisablePrefilter { get; set; }

    /// <summary>Sets the logsource mapping (without one, every rule applies to every event).</summary>
    /// <param name="map">The mapping.</param>
    /// <returns>This builder.</returns>
    public DetectionEngineBuilder UseLogsources(LogsourceMap map)
    {
        _logsources = map;
        return this;
    }

    /// <summary>Sets the ATT&amp;CK catalog used to map tags.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>This builder.</returns>
    public DetectionEngineBuilder UseAttack(AttackCatalog catalog)
    {
        _attack = catalog;
        return this;
    }

    /// <summary>Sets which rules run.</summary>
    /// <param name="selection">The selection.</param>
    /// <returns>This builder.</returns>
    public DetectionEngineBuilder Select(RuleSelection selection)
    {
        _selection = selection;
        return this;
    }

    /// <summary>When true, a rule whose logsource the mapping does not know is not run (default: it runs on every event).</summary>
    /// <param name="strict">Whether to be strict.</param>
    /// <returns>This builder.</returns>
    public DetectionEngineBuilder StrictLogsource(bool strict = true)
    {
        _strictLogsource = strict;
        return this;
    }

    /// <summary>Adds rules.</summary>
    /// <param name="rules">Loaded rules.</param>
    /// <returns>This builder.</returns>
    public DetectionEngineBuilder AddRules(IEnumerable<SigmaRule> rules)
    {
        _rules.AddRange(rules);
        return this;
    }

    /// <summary>Compiles the rules.</summary>
    /// <returns>The engine.</returns>
    public DetectionEngine Build()
    {
        var schema = new SchemaBuilder();
        if (_logsources is not null)
        {
            foreach (var name in _logsources.ConditionFieldNames)
            {
                schema.Resolve(name);
            }
        }

        var byReference = new Dictionary<string, List<SigmaRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in _rules)
        {
            foreach (var key in new[] { rule.Id, rule.Name }.OfType<string>())
            {
                if (!byReference.TryGetValue(key, out var list))
                {
                    byReference[key] = list = [];
                }

                list.Add(rule);
            }
        }

        // Selection: selected correlations pull in the rules they reference (chained), whose own hits stay hidden
        // unless selected themselves and allowed by the correlation's generate flag.
        var selected = _rules.Where(r => r.Kind != SigmaRuleKind.Filter && _selection.Includes(r)).ToHashSet();
        var needed = new HashSet<SigmaRule>(selected);
        var pending = new Queue<SigmaRule>(selected.Where(r => r.Kind == SigmaRuleKind.Correlation));
        var referencedBy = new Dictionary<SigmaRule, List<SigmaRule>>();
        var statuses = new Dictionary<SigmaRule, List<RuleDiagnostic>>();
        foreach (var rule in _rules)
        {
            statuses[rule] = [.. rule.Warnings];
        }

        while (pending.Count > 0)
        {
            var correlation = pending.Dequeue();
            foreach (var reference in correlation.Correlation!.Rules)
            {
                if (!byReference.TryGetValue(reference, out var targets))
                {
                    statuses[correlation].Add(new RuleDiagnostic(correlation.File, correlation.Line, 0, "correlation.rules", $"referenced rule '{reference}' is not loaded"));
                    continue;
                }

                foreach (var target in targets)
                {
                    if (!referencedBy.TryGetValue(target, out var list))
                    {
                        referencedBy[target] = list = [];
                    }

                    list.Add(correlation);
                    if (needed.Add(target) && target.Kind == SigmaRuleKind.Correlation)
                    {
                        pending.Enqueue(target);
                    }
                }
            }
        }

        var filters = new Dictionary<SigmaRule, List<SigmaRule>>();
        foreach (var filter in _rules.Where(r => r.Kind == SigmaRuleKind.Filter))
        {
            foreach (var target in filter.FilterTargets)
            {
                if (!byReference.TryGetValue(target, out var targets))
                {
                    statuses[filter].Add(new RuleDiagnostic(filter.File, filter.Line, 0, "filter.rules", $"filtered rule '{target}' is not loaded"));
                    continue;
                }

                foreach (var t in targets)
                {
                    if (!filters.TryGetValue(t, out var list))
                    {
                        filters[t] = list = [];
                    }

                    list.Add(filter);
                }
            }
        }

        var compiled = new List<CompiledRule>();
        var universalAlways = new List<RuleMatcher>();
        var universalTriggered = new List<(RuleMatcher, List<List<Needle>>)>();
        var variantCount = _logsources?.Variants.Count ?? 0;
        var variantAlways = Enumerable.Range(0, variantCount).Select(_ => new List<RuleMatcher>()).ToArray();
        var variantTriggered = Enumerable.Range(0, variantCount).Select(_ => new List<(RuleMatcher, List<List<Needle>>)>()).ToArray();
        var result = new List<RuleStatus>();
        var correlations = new List<CorrelationBinding>();

        foreach (var rule in _rules)
        {
            var diagnostics = statuses[rule];
            var attack = _attack.Map(rule.Tags);
            IReadOnlyList<LogsourceVariant> variants = [];
            var known = true;
            if (rule.Kind != SigmaRuleKind.Correlation && rule.Logsource != SigmaLogsource.Any && _logsources is not null)
            {
                variants = _logsources.Resolve(rule.Logsource);
                known = variants.Count > 0;
                if (!known)
                {
                    diagnostics.Add(new RuleDiagnostic(
                        rule.File, rule.Line, 0, "logsource",
                        $"logsource {rule.Logsource} is not in the logsource mapping; "
                        + (_strictLogsource ? "the rule does not run (--strict-logsource)" : "the rule applies to every event")));
                }
            }

            RuleState state;
            if (rule.Kind == SigmaRuleKind.Filter)
            {
                state = RuleState.Active;
            }
            else if (!needed.Contains(rule))
            {
                state = RuleState.NotSelected;
            }
            else if (!known && _strictLogsource)
            {
                state = RuleState.UnknownLogsource;
            }
            else if (rule.Kind == SigmaRuleKind.Correlation)
            {
                state = RuleState.Active;
                correlations.Add(new CorrelationBinding(rule, rule.Correlation!));
            }
            else
            {
                var cr = new CompiledRule
                {
                    Index = compiled.Count,
                    Rule = rule,
                    Attack = attack,
                    FeedsCorrelation = referencedBy.ContainsKey(rule),
                    Emit = selected.Contains(rule)
                        && (!referencedBy.TryGetValue(rule, out var refs) || refs.Any(c => c.Correlation!.Generate) || refs.All(c => !selected.Contains(c))),
                };
                try
                {
                    var ruleFilters = filters.GetValueOrDefault(rule) ?? [];
                    if (variants.Count == 0)
                    {
                        AddMatcher(cr, ruleFilters, name => schema.Resolve(name), universalAlways, universalTriggered, null);
                    }
                    else
                    {
                        // Variants that map the rule's fields to the same event fields share one compiled matcher.
                        var fields = FieldsOf(rule, ruleFilters);
                        var shared = new Dictionary<string, (RuleMatcher, List<List<Needle>>?)>(StringComparer.Ordinal);
                        foreach (var variant in variants)
                        {
                            var key = string.Join('\0', fields.Select(variant.MapField));
                            var cached = shared.GetValueOrDefault(key);
                            var made = AddMatcher(
                                cr, ruleFilters, name => schema.Resolve(variant.MapField(name)), variantAlways[variant.Id], variantTriggered[variant.Id], cached.Item1 is null ? null : cached);
                            shared.TryAdd(key, made);
                        }
                    }

                    compiled.Add(cr);
                    state = RuleState.Active;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
                {
                    diagnostics.Add(new RuleDiagnostic(rule.File, rule.Line, 0, "detection", $"cannot compile: {ex.Message}"));
                    state = RuleState.Failed;
                }
            }

            result.Add(new RuleStatus
            {
                Rule = rule,
                State = state,
                LogsourceKnown = known,
                Variants = [.. variants.Select(v => v.Name)],
                Attack = attack,
                Diagnostics = diagnostics,
            });
        }

        var eventSchema = new EventSchema(schema.Names);
        var buckets = new Bucket[variantCount];
        for (var i = 0; i < variantCount; i++)
        {
            buckets[i] = new Bucket(_logsources!.Variants[i].Name, variantAlways[i], variantTriggered[i]);
        }

        return new DetectionEngine(
            result,
            eventSchema,
            new Bucket("any", universalAlways, universalTriggered),
            buckets,
            _logsources?.CreateClassifier(eventSchema),
            [.. compiled],
            correlations);
    }

    private (RuleMatcher, List<List<Needle>>?) AddMatcher(
        CompiledRule rule,
        List<SigmaRule> filters,
        Func<string, int> resolve,
        List<RuleMatcher> always,
        List<(RuleMatcher, List<List<Needle>>)> triggered,
        (RuleMatcher Matcher, List<List<Needle>>? Needles)? reuse)
    {
        RuleMatcher matcher;
        List<List<Needle>>? needles;
        if (reuse is { } r)
        {
            (matcher, needles) = r;
        }
        else
        {
            var node = new RuleCompiler(rule.Rule.Detection!, resolve).Compile();
            if (filters.Count > 0)
            {
                node = new AndNode([node, .. filters.Select(f => new RuleCompiler(f.Detection!, resolve).Compile())]);
            }

            matcher = new RuleMatcher(rule, node);
            needles = new TriggerExtractor(rule.Rule.Detection!, resolve).Extract();
        }

        if (needles is null || DisablePrefilter)
        {
            always.Add(matcher);
        }
        else if (needles.TrueForAll(clause => clause.Count > 0))
        {
            triggered.Add((matcher, needles));
        }

        return (matcher, needles);
    }

    private static List<string> FieldsOf(SigmaRule rule, List<SigmaRule> filters)
    {
        var fields = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var detection in filters.Select(f => f.Detection!).Prepend(rule.Detection!))
        {
            foreach (var predicate in detection.Searches.Values.SelectMany(s => s.Alternatives).SelectMany(a => a))
            {
                if (predicate.Field is not null)
                {
                    fields.Add(predicate.Field);
                }

                foreach (var referenced in predicate.ReferencedFields)
                {
                    fields.Add(referenced);
                }
            }
        }

        return [.. fields];
    }
}
