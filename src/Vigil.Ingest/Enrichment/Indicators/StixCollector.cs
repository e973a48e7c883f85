using System.Text.Json;
using Vigil.Ingest.Enrichment.Input;

namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>
/// Gathers STIX objects from every bundle, then adds the indicators to an <see cref="IndicatorSetBuilder"/> once all are
/// read, so that <c>created_by_ref</c> identities, <c>indicates</c> relationships and <c>attack-pattern</c> objects may be
/// in any order and any bundle. ATT&amp;CK ids come from <c>external_references</c> with <c>source_name: mitre-attack</c>,
/// on the indicator itself or on the attack patterns it indicates.
/// </summary>
internal sealed class StixCollector
{
    private readonly List<PendingIndicator> _indicators = [];
    private readonly Dictionary<string, string> _identityNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _attackPatterns = new(StringComparer.Ordinal);
    private readonly List<(string Source, string Target)> _indicates = [];

    public void Add(JsonElement element, string file, int line, ContextErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ContextError(file, line, 0, "a bundle object is not a JSON object; it is skipped"));
            return;
        }

        var id = Text(element, "id");
        switch (Text(element, "type"))
        {
            case "indicator":
                _indicators.Add(new PendingIndicator(element, id ?? "(no id)", file, line));
                break;
            case "identity" when id is not null && Text(element, "name") is { } name:
                _identityNames[id] = name;
                break;
            case "attack-pattern" when id is not null:
                _attackPatterns[id] = Techniques(element, file, line, errors);
                break;
            case "relationship" when Text(element, "relationship_type") == "indicates":
                if (Text(element, "source_ref") is { } source && Text(element, "target_ref") is { } target)
                {
                    _indicates.Add((source, target));
                }

                break;
            default:
                break;
        }
    }

    public void AddTo(IndicatorSetBuilder builder, ContextErrors errors)
    {
        var related = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (source, target) in _indicates)
        {
            if (_attackPatterns.TryGetValue(target, out var techniques))
            {
                if (!related.TryGetValue(source, out var list))
                {
                    related[source] = list = [];
                }

                list.AddRange(techniques);
            }
        }

        var values = new List<(IndicatorKind Kind, string Value)>();
        foreach (var pending in _indicators)
        {
            AddIndicator(pending, related, builder, values, errors);
        }
    }

    private void AddIndicator(
        PendingIndicator pending, Dictionary<string, List<string>> related, IndicatorSetBuilder builder,
        List<(IndicatorKind Kind, string Value)> values, ContextErrors errors)
    {
        var (element, id, file, line) = pending;
        ContextError Error(string message) => new(file, line, 0, $"indicator {id}: {message}; it is skipped");
        if (element.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (Text(element, "pattern_type") is { } patternType && patternType != "stix")
        {
            errors.Add(Error($"unsupported pattern_type '{patternType}' (only 'stix')"));
            return;
        }

        if (Text(element, "pattern") is not { } pattern)
        {
            errors.Add(Error("'pattern' is missing"));
            return;
        }

        values.Clear();
        if (StixPattern.Parse(pattern, values) is { } patternError)
        {
            errors.Add(Error($"pattern {pattern}: {patternError}"));
            return;
        }

        if (!TryTime(element, "valid_from", out var from) || !TryTime(element, "valid_until", out var until))
        {
            errors.Add(Error("'valid_from' or 'valid_until' is not an RFC 3339 time"));
            return;
        }

        if (from >= until)
        {
            errors.Add(Error("'valid_until' is not after 'valid_from'"));
            return;
        }

        int? confidence = null;
        if (element.TryGetProperty("confidence", out var c))
        {
            if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var number) || number is < 0 or > 100)
            {
                errors.Add(Error("'confidence' is not a whole number from 0 to 100"));
                return;
            }

            confidence = number;
        }

        var techniques = Techniques(element, file, line, errors);
        if (related.TryGetValue(id, out var more))
        {
            techniques.AddRange(more);
        }

        var source = Text(element, "created_by_ref") is { } by ? _identityNames.GetValueOrDefault(by, by) : null;
        var details = new IndicatorDetails(id, confidence, source, from, until, Strings(element, "labels"), KillChain(element),
            [.. techniques.Distinct(StringComparer.Ordinal)], Text(element, "description") ?? Text(element, "name"), $"{file}:{line}");
        foreach (var (kind, value) in values)
        {
            if (builder.Add(kind, value, details) is { } problem)
            {
                errors.Add(new ContextError(file, line, 0, $"indicator {id}: {problem}; that value is skipped"));
            }
        }
    }

    private static List<string> Techniques(JsonElement element, string file, int line, ContextErrors errors)
    {
        var techniques = new List<string>();
        if (!element.TryGetProperty("external_references", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return techniques;
        }

        foreach (var reference in references.EnumerateArray())
        {
            if (reference.ValueKind == JsonValueKind.Object && Text(reference, "source_name") == "mitre-attack" && Text(reference, "external_id") is { } externalId)
            {
                if (IndicatorValues.TryTechnique(externalId, out var technique))
                {
                    techniques.Add(technique);
                }
                else if (!externalId.StartsWith("TA", StringComparison.Ordinal))
                {
                    errors.Add(new ContextError(file, line, 0, $"{Text(element, "id")}: mitre-attack external_id '{externalId}' is not a technique id; ignored"));
                }
            }
        }

        return techniques;
    }

    private static string[] KillChain(JsonElement element)
    {
        if (!element.TryGetProperty("kill_chain_phases", out var phases) || phases.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. phases.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && Text(p, "kill_chain_name") is not null && Text(p, "phase_name") is not null)
            .Select(p => $"{Text(p, "kill_chain_name")}:{Text(p, "phase_name")}")];
    }

    private static string[] Strings(JsonElement element, string name)
        => element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private static bool TryTime(JsonElement element, string name, out DateTimeOffset? time)
    {
        time = null;
        if (!element.TryGetProperty(name, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || !IndicatorValues.TryTime(value.GetString()!, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record PendingIndicator(JsonElement Element, string Id, string File, int Line);
}
