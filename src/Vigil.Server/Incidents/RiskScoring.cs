using Vigil.Server.Pipeline;

namespace Vigil.Server.Incidents;

/// <summary>
/// How alerts add up to risk. Each alert adds points by severity (informational 1, low 5, medium 15, high 40, critical 80),
/// weighted by the criticality of the assets it touches (low 0.75, medium 1, high 1.5, critical 2; unknown 1) and by 1.25
/// when a privileged user is involved. Points accumulate per incident and per entity; the risk score is
/// <c>100 × (1 − e^(−points × (1 + 0.25 × (tactics − 1)) / 400))</c>: bounded in [0, 100], rising with more alerts and
/// faster with more distinct ATT&amp;CK tactics (an intrusion that moves from access to persistence to exfiltration
/// outranks the same number of alerts of one kind).
/// </summary>
internal static class RiskScoring
{
    /// <summary>The points at which risk reaches 63 (one high alert on a critical asset is 80 points, about 18).</summary>
    public const double Scale = 400;

    /// <summary>The points of an alert of a severity.</summary>
    /// <param name="severity">The severity name.</param>
    /// <returns>The points.</returns>
    public static double SeverityPoints(string severity) => severity switch
    {
        "critical" => 80,
        "high" => 40,
        "medium" => 15,
        "low" => 5,
        _ => 1,
    };

    /// <summary>The weight of an asset criticality.</summary>
    /// <param name="criticality">The criticality name, or null.</param>
    /// <returns>The weight.</returns>
    public static double CriticalityWeight(string? criticality) => criticality switch
    {
        "critical" => 2,
        "high" => 1.5,
        "low" => 0.75,
        _ => 1,
    };

    /// <summary>The points an alert adds: severity points × the highest asset weight × 1.25 with a privileged user.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The points.</returns>
    public static double Points(PipelineAlert alert)
    {
        var weight = alert.Entities.Where(e => e.Kind == "host").Select(e => CriticalityWeight(e.Criticality)).DefaultIfEmpty(1).Max();
        if (alert.Entities.Any(e => e.Kind == "user" && e.Privileged))
        {
            weight *= 1.25;
        }

        return SeverityPoints(alert.Alert.Severity) * weight;
    }

    /// <summary>The risk score of accumulated points over a number of distinct tactics.</summary>
    /// <param name="points">The points.</param>
    /// <param name="tactics">The distinct ATT&amp;CK tactics seen.</param>
    /// <returns>The score in [0, 100].</returns>
    public static double Risk(double points, int tactics)
    {
        var factor = 1 + (0.25 * Math.Max(0, tactics - 1));
        return Math.Round(100 * (1 - Math.Exp(-points * factor / Scale)), 1);
    }
}
