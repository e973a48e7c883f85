using Vigil.Ingest.Enrichment.Input;
using Vigil.Ingest.Enrichment.Network;

namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>Collects indicators from CSV lists and STIX bundles, checks them, and builds the <see cref="IndicatorSet"/>.</summary>
internal sealed class IndicatorSetBuilder
{
    /// <summary>Gets the columns of an indicator CSV list.</summary>
    public static readonly string[] Columns = ["type", "value", "confidence", "source", "valid_from", "valid_until", "attack", "description"];

    private readonly List<Indicator> _all = [];
    private readonly List<(IndicatorKind Kind, string Key, Indicator Indicator)> _texts = [];
    private readonly List<(UInt128 Key, int Length, Indicator Indicator)> _ips = [];

    /// <summary>Adds one checked value; returns why it is not valid, or null.</summary>
    public string? Add(IndicatorKind kind, string value, IndicatorDetails details)
    {
        var problem = IndicatorValues.Normalize(kind, value, out var normalized);
        if (problem is not null)
        {
            return $"'{value}' {problem}";
        }

        var indicator = new Indicator(kind, normalized, details);
        _all.Add(indicator);
        if (kind == IndicatorKind.IpAddress)
        {
            if (IpKey.TryParsePrefix(normalized, out var key, out var length))
            {
                _ips.Add((key, length, indicator));
            }
        }
        else
        {
            _texts.Add((kind, normalized, indicator));
        }

        return null;
    }

    /// <summary>Adds a row of an indicator CSV list.</summary>
    public void AddRow(ContextRow row, ContextErrors errors)
    {
        var typeText = row.Text("type");
        if (typeText is null || !IndicatorValues.TryKind(typeText, out var kind))
        {
            errors.Add(row.Error("type", $"'{typeText}' is not an indicator type (ip, domain, url, email, md5, sha1, sha256); the row is skipped"));
            return;
        }

        var value = row.Text("value");
        if (value is null)
        {
            errors.Add(row.Error("value", "the value is missing; the row is skipped"));
            return;
        }

        int? confidence = null;
        if (row.Text("confidence") is { } confidenceText)
        {
            if (!int.TryParse(confidenceText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) || c > 100)
            {
                errors.Add(row.Error("confidence", $"'{confidenceText}' is not a whole number from 0 to 100; the row is skipped"));
                return;
            }

            confidence = c;
        }

        if (!TryTime(row, "valid_from", errors, out var from) || !TryTime(row, "valid_until", errors, out var until))
        {
            return;
        }

        if (from >= until)
        {
            errors.Add(row.Error("valid_until", "valid_until is not after valid_from; the row is skipped"));
            return;
        }

        var techniques = new List<string>();
        foreach (var text in row.List("attack"))
        {
            if (!IndicatorValues.TryTechnique(text, out var technique))
            {
                errors.Add(row.Error("attack", $"'{text}' is not an ATT&CK technique id (T1110, T1059.001); the row is skipped"));
                return;
            }

            techniques.Add(technique);
        }

        var details = new IndicatorDetails(null, confidence, row.Text("source"), from, until, [], [], techniques, row.Text("description"),
            $"{row.File}:{row.Line}");
        if (Add(kind, value, details) is { } problem)
        {
            errors.Add(row.Error("value", problem + "; the row is skipped"));
        }
    }

    public IndicatorSet Build() => new(_all, _texts, _ips);

    private static bool TryTime(ContextRow row, string name, ContextErrors errors, out DateTimeOffset? time)
    {
        time = null;
        if (row.Text(name) is not { } text)
        {
            return true;
        }

        if (!IndicatorValues.TryTime(text, out var parsed))
        {
            errors.Add(row.Error(name, $"'{text}' is not an ISO 8601 time (2026-11-02T06:00:00Z); the row is skipped"));
            return false;
        }

        time = parsed;
        return true;
    }
}
