using Vigil.Cli.Setup;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Rules;

/// <summary>Loads a rule tree, builds the engine and reports what happened to each rule.</summary>
internal static class RuleCheckService
{
    /// <summary>Checks the rules.</summary>
    /// <param name="options">What to load.</param>
    /// <param name="note">Receives informational notes.</param>
    /// <returns>The report.</returns>
    public static RuleCheckReport Check(DetectionSetupOptions options, Action<string> note)
    {
        var setup = DetectionSetup.Build(options, note);
        var entries = new List<RuleCheckEntry>(setup.Engine.Rules.Count + setup.Report.Failures.Count);
        foreach (var failure in setup.Report.Failures)
        {
            entries.Add(new RuleCheckEntry
            {
                File = failure.Diagnostic.File,
                Line = failure.Diagnostic.Line,
                Id = failure.RuleId,
                Title = failure.Title,
                State = RuleCheckState.Failed,
                Errors = [failure.Diagnostic],
            });
        }

        foreach (var status in setup.Engine.Rules)
        {
            entries.Add(ToEntry(status));
        }

        entries.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.File, b.File);
            return byFile != 0 ? byFile : a.Line.CompareTo(b.Line);
        });

        var totals = new RuleCheckTotals(
            Files: setup.Report.FileCount,
            Rules: entries.Count,
            Loaded: entries.Count(e => e.State == RuleCheckState.Loaded),
            Failed: entries.Count(e => e.State == RuleCheckState.Failed),
            UnknownLogsource: entries.Count(e => e.LogsourceKnown == false),
            NotSelected: entries.Count(e => e.State == RuleCheckState.NotSelected),
            Warnings: entries.Sum(e => e.Warnings.Count));
        return new RuleCheckReport(entries, totals, options.StrictLogsource);
    }

    private static RuleCheckEntry ToEntry(RuleStatus status)
    {
        var rule = status.Rule;
        var diagnostics = rule.Warnings.Concat(status.Diagnostics).Distinct().ToList();
        var failed = status.State == RuleState.Failed;
        var warnings = failed ? [] : diagnostics;
        if (!failed && !status.LogsourceKnown && rule.Kind == SigmaRuleKind.Detection
            && !warnings.Exists(d => string.Equals(d.Construct, "logsource", StringComparison.Ordinal)))
        {
            var effect = status.State == RuleState.UnknownLogsource ? "the rule does not run (--strict-logsource)" : "the rule runs on every event";
            warnings.Add(new RuleDiagnostic(rule.File, rule.Line, 0, "logsource", $"unknown logsource {rule.Logsource}: {effect}"));
        }

        return new RuleCheckEntry
        {
            File = rule.File,
            Line = rule.Line,
            Id = rule.Id,
            Title = rule.Title,
            Kind = KindName(rule.Kind),
            Level = rule.Level,
            Status = rule.Status,
            Logsource = rule.Logsource.ToString(),
            LogsourceKnown = rule.Kind == SigmaRuleKind.Detection ? status.LogsourceKnown : null,
            State = status.State switch
            {
                RuleState.Active => RuleCheckState.Loaded,
                RuleState.NotSelected => RuleCheckState.NotSelected,
                RuleState.UnknownLogsource => RuleCheckState.UnknownLogsource,
                _ => RuleCheckState.Failed,
            },
            Errors = failed ? diagnostics : [],
            Warnings = warnings,
        };
    }

    /// <summary>Returns the lower-case name of a rule kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>detection, correlation or filter.</returns>
    public static string KindName(SigmaRuleKind kind) => kind switch
    {
        SigmaRuleKind.Correlation => "correlation",
        SigmaRuleKind.Filter => "filter",
        _ => "detection",
    };
}
