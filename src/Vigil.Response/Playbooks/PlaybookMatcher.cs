using System.Globalization;

namespace Vigil.Response.Playbooks;

/// <summary>Selects the enabled playbooks whose trigger matches an alert and expands their step targets.</summary>
internal static class PlaybookMatcher
{
    /// <summary>The playbooks for an alert, in the order given.</summary>
    /// <param name="playbooks">The loaded playbooks.</param>
    /// <param name="alert">The alert.</param>
    /// <returns>The matches.</returns>
    public static IReadOnlyList<PlaybookMatch> Match(IEnumerable<Playbook> playbooks, ResponseAlert alert)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(alert);
        var matches = new List<PlaybookMatch>();
        foreach (var playbook in playbooks)
        {
            if (playbook.Enabled && Matches(playbook.Trigger, alert, out var reason))
            {
                matches.Add(new PlaybookMatch(playbook, reason, [.. playbook.Steps.Select(s => Plan(s, alert))]));
            }
        }

        return matches;
    }

    /// <summary>Whether a trigger matches an alert; every condition given must hold.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="reason">Which conditions matched.</param>
    /// <returns>True on a match.</returns>
    public static bool Matches(PlaybookTrigger trigger, ResponseAlert alert, out string reason)
    {
        var why = new List<string>();
        reason = string.Empty;
        if (trigger.Detectors.Count > 0)
        {
            if (trigger.Detectors.FirstOrDefault(d => Glob.IsMatch(d, alert.Detector)) is not { } detector)
            {
                return false;
            }

            why.Add($"detector {alert.Detector} matches {detector}");
        }

        if (trigger.Techniques.Count > 0)
        {
            var hit = alert.Techniques.FirstOrDefault(t => trigger.Techniques.Any(w => IsTechnique(w, t)));
            if (hit is null)
            {
                return false;
            }

            why.Add($"technique {hit}");
        }

        if (trigger.MinSeverity is { } minSeverity)
        {
            if (alert.Severity < minSeverity)
            {
                return false;
            }

            why.Add($"severity {Lower(alert.Severity)} >= {Lower(minSeverity)}");
        }

        if (trigger.MinConfidence is { } minConfidence)
        {
            if (alert.Confidence < minConfidence)
            {
                return false;
            }

            why.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {alert.Confidence:0.##} >= {minConfidence:0.##}"));
        }

        if (trigger.EntityTags.Count > 0)
        {
            var tag = alert.AssetTags.FirstOrDefault(t => trigger.EntityTags.Contains(t, StringComparer.OrdinalIgnoreCase));
            if (tag is null)
            {
                return false;
            }

            why.Add($"asset tag {tag}");
        }

        reason = string.Join("; ", why);
        return true;
    }

    private static PlannedStep Plan(PlaybookStep step, ResponseAlert alert)
    {
        var target = step.Target.Expand(alert, out var missing);
        if (target is null)
        {
            return new PlannedStep(step, null, $"skipped: the alert has no value for ${{{missing}}}");
        }

        if (step.When is { } when && !when.IsTrue(alert))
        {
            return new PlannedStep(step, target, $"skipped: 'when: {when.Text}' is false for this alert");
        }

        return new PlannedStep(step, target, null);
    }

    /// <summary>A wanted technique matches the same id or any of its sub-techniques (T1110 matches T1110.003).</summary>
    private static bool IsTechnique(string wanted, string actual)
        => string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase)
        || (actual.Length > wanted.Length && actual[wanted.Length] == '.' && actual.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    private static string Lower(ResponseSeverity severity) => severity.ToString().ToLowerInvariant();
}
