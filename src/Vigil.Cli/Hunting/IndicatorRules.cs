using System.Collections.Concurrent;
using System.Globalization;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Parsing;
using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Gives each threat indicator the rule identity its hits are reported under (title, id, level from confidence, ATT&amp;CK
/// tags from the indicator's techniques), built once per indicator and shared by all workers.
/// </summary>
internal sealed class IndicatorRules(AttackCatalog attack)
{
    private readonly ConcurrentDictionary<Indicator, (SigmaRule Rule, AttackMapping Attack)> _rules = new(ReferenceEqualityComparer.Instance);

    /// <summary>Returns the rule and ATT&amp;CK mapping of an indicator.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The rule identity.</returns>
    public (SigmaRule Rule, AttackMapping Attack) Of(Indicator indicator) => _rules.GetOrAdd(indicator, Create, attack);

    private static (SigmaRule, AttackMapping) Create(Indicator indicator, AttackCatalog attack)
    {
        var tags = indicator.Techniques.Select(t => "attack." + t.ToLowerInvariant()).ToList();
        var level = indicator.Confidence switch
        {
            >= 85 => "high",
            >= 50 => "medium",
            null => "medium",
            _ => "low",
        };
        var rule = new SigmaRule
        {
            File = indicator.Origin,
            Id = indicator.Id ?? string.Create(CultureInfo.InvariantCulture, $"indicator:{indicator.Kind}:{indicator.Value}"),
            Title = $"Threat indicator: {Describe(indicator.Kind)} {indicator.Value}" + (indicator.Source is null ? string.Empty : $" ({indicator.Source})"),
            Status = "stable",
            Level = level,
            Description = indicator.Description,
            Tags = tags,
        };
        return (rule, attack.Map(tags));
    }

    private static string Describe(IndicatorKind kind) => kind switch
    {
        IndicatorKind.IpAddress => "IP address",
        IndicatorKind.DomainName => "domain",
        IndicatorKind.Url => "URL",
        IndicatorKind.EmailAddress => "email address",
        IndicatorKind.Md5 => "MD5",
        IndicatorKind.Sha1 => "SHA-1",
        _ => "SHA-256",
    };
}
