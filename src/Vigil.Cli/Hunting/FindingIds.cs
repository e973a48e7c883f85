using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Stable ids for hits and findings: a hash of the detector and the event's file and location, so the same detection on
/// the same event always gets the same id (a re-run, or a retried export, does not look like a new alert).
/// </summary>
internal static class FindingIds
{
    /// <summary>The id of a rule hit.</summary>
    public static string Of(DetectionHit hit) => Hash(hit.Rule.Id ?? hit.Rule.Title, hit.Event.SourceName, hit.Event.Location);

    /// <summary>The id of a model finding (by its first evidence event, else its time).</summary>
    public static string Of(ModelFinding finding)
    {
        var first = finding.Evidence.Count > 0 ? finding.Evidence[0] : null;
        return Hash("model:" + finding.Model, first?.Source ?? string.Empty, first?.Location ?? finding.Time.UtcTicks);
    }

    private static string Hash(string detector, string source, long location)
    {
        var bytes = Encoding.UTF8.GetBytes($"{detector}\n{source}\n{location.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
