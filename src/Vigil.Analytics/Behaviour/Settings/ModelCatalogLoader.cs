using System.Globalization;
using Vigil.Ingest.Enrichment.Assets;
using YamlDotNet.RepresentationModel;

namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>Loads a models folder: one YAML file per model, and <c>scoring.yaml</c> (docs/models.md).</summary>
public static class ModelCatalogLoader
{
    /// <summary>The file holding the scoring settings.</summary>
    public const string ScoringFile = "scoring.yaml";

    /// <summary>The model kinds known.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["rare-pair", "time-profile", "volume", "failed-logon", "impossible-travel", "privileged-group", "user-day-pca"];

    /// <summary>Loads the folder. Never throws for bad content: problems are in <see cref="ModelCatalog.Errors"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The catalog.</returns>
    public static ModelCatalog Load(string directory)
    {
        var errors = new List<ModelError>();
        var models = new List<ModelSettings>();
        var scoring = new ScoringSettings();
        if (!Directory.Exists(directory))
        {
            errors.Add(new(directory, 0, 0, "the models folder does not exist"));
            return new ModelCatalog { Models = models, Scoring = scoring, Errors = errors };
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            var display = Path.GetFileName(path);
            var root = YamlFile.LoadMapping(path, display, errors);
            if (root is null)
            {
                continue;
            }

            if (display.Equals(ScoringFile, StringComparison.OrdinalIgnoreCase))
            {
                scoring = ReadScoring(root, display, errors);
                continue;
            }

            if (ReadModel(root, display, errors) is { } model)
            {
                if (!names.Add(model.Name))
                {
                    errors.Add(new(display, YamlFile.Line(root), YamlFile.Column(root), $"a model named '{model.Name}' is already loaded; this file is skipped"));
                    continue;
                }

                models.Add(model);
            }
        }

        return new ModelCatalog { Models = models, Scoring = scoring, Errors = errors };
    }

    private static ModelSettings? ReadModel(YamlMappingNode root, string file, List<ModelError> errors)
    {
        string? name = null;
        string? kind = null;
        string version = "1";
        var enabled = true;
        var learning = ModelDefaults.LearningDays;
        var minScore = ModelDefaults.MinScore;
        var cooldown = ModelDefaults.Cooldown;
        IReadOnlyList<string> attack = [];
        string? description = null;
        var parameters = new ModelParameters(file);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var text = YamlFile.Text(valueNode);
            int line = YamlFile.Line(valueNode), column = YamlFile.Column(valueNode);
            switch (key)
            {
                case "name":
                    name = text;
                    break;
                case "kind":
                    kind = text;
                    if (kind is null || !Kinds.Contains(kind, StringComparer.Ordinal))
                    {
                        errors.Add(new(file, line, column, $"'kind' must be one of {string.Join(", ", Kinds)}; got '{text}'"));
                    }

                    break;
                case "version":
                    version = text ?? version;
                    break;
                case "description":
                    description = text;
                    break;
                case "enabled":
                    if (!bool.TryParse(text, out enabled))
                    {
                        errors.Add(new(file, line, column, $"'enabled' must be true or false; got '{text}'"));
                    }

                    break;
                case "learning_days":
                    learning = Number(text, key, 0, 365, learning, file, line, column, errors);
                    break;
                case "min_score":
                    minScore = Number(text, key, 0, 100, minScore, file, line, column, errors);
                    break;
                case "cooldown":
                    if (text is null || !YamlFile.TryDuration(text, out cooldown))
                    {
                        errors.Add(new(file, line, column, $"'cooldown' must be a duration such as 30m, 4h or 1d; got '{text}'"));
                        cooldown = ModelDefaults.Cooldown;
                    }

                    break;
                case "attack":
                    attack = YamlFile.Items(valueNode) ?? [];
                    foreach (var technique in attack.Where(t => !IsTechnique(t)))
                    {
                        errors.Add(new(file, line, column, $"'attack' holds '{technique}', which is not an ATT&CK technique id (T1234 or T1234.567)"));
                    }

                    attack = attack.Where(IsTechnique).ToList();
                    break;
                case "parameters" when valueNode is YamlMappingNode map:
                    foreach (var (pKey, pValue) in map.Children)
                    {
                        var pText = YamlFile.Text(pValue);
                        if (pText is null)
                        {
                            errors.Add(new(file, YamlFile.Line(pValue), YamlFile.Column(pValue), $"parameter '{pKey}' must be a value or a list of values"));
                            continue;
                        }

                        parameters.Set(((YamlScalarNode)pKey).Value ?? string.Empty, pText, YamlFile.Line(pValue), YamlFile.Column(pValue));
                    }

                    break;
                default:
                    errors.Add(new(file, YamlFile.Line(keyNode), YamlFile.Column(keyNode), $"unknown key '{key}' (known: name, kind, version, enabled, learning_days, min_score, cooldown, attack, description, parameters); it is ignored"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(kind) || !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(kind))
            {
                errors.Add(new(file, YamlFile.Line(root), YamlFile.Column(root), "a model needs 'name' and 'kind'; the file is skipped"));
            }

            return null;
        }

        return new ModelSettings
        {
            Name = name,
            Kind = kind,
            Version = version,
            Enabled = enabled,
            LearningDays = learning,
            MinScore = minScore,
            Cooldown = cooldown,
            Attack = attack,
            Description = description,
            Parameters = parameters,
            File = file,
        };
    }

    private static ScoringSettings ReadScoring(YamlMappingNode root, string file, List<ModelError> errors)
    {
        var defaults = new ScoringSettings();
        var weights = new Dictionary<AssetCriticality, double>(defaults.CriticalityWeights);
        double privileged = defaults.PrivilegedWeight, maintenance = defaults.MaintenanceFactor, approved = defaults.ApprovedAccessFactor;
        double high = defaults.HighScore, critical = defaults.CriticalScore;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var text = YamlFile.Text(valueNode);
            int line = YamlFile.Line(valueNode), column = YamlFile.Column(valueNode);
            switch (key)
            {
                case "criticality_weights" when valueNode is YamlMappingNode map:
                    foreach (var (tierNode, weightNode) in map.Children)
                    {
                        var tier = (tierNode as YamlScalarNode)?.Value ?? string.Empty;
                        if (!Enum.TryParse<AssetCriticality>(tier, ignoreCase: true, out var criticality) || int.TryParse(tier, CultureInfo.InvariantCulture, out _))
                        {
                            errors.Add(new(file, YamlFile.Line(tierNode), YamlFile.Column(tierNode), $"'{tier}' is not a criticality (low, medium, high, critical, unknown)"));
                            continue;
                        }

                        weights[criticality] = Number(YamlFile.Text(weightNode), "criticality_weights." + tier, 0, 10, weights[criticality], file,
                            YamlFile.Line(weightNode), YamlFile.Column(weightNode), errors);
                    }

                    break;
                case "privileged_weight":
                    privileged = Number(text, key, 0, 10, privileged, file, line, column, errors);
                    break;
                case "maintenance_factor":
                    maintenance = Number(text, key, 0, 1, maintenance, file, line, column, errors);
                    break;
                case "approved_access_factor":
                    approved = Number(text, key, 0, 1, approved, file, line, column, errors);
                    break;
                case "high_score":
                    high = Number(text, key, 0, 100, high, file, line, column, errors);
                    break;
                case "critical_score":
                    critical = Number(text, key, 0, 100, critical, file, line, column, errors);
                    break;
                default:
                    errors.Add(new(file, YamlFile.Line(keyNode), YamlFile.Column(keyNode), $"unknown key '{key}' in the scoring settings; it is ignored"));
                    break;
            }
        }

        return new ScoringSettings
        {
            CriticalityWeights = weights,
            PrivilegedWeight = privileged,
            MaintenanceFactor = maintenance,
            ApprovedAccessFactor = approved,
            HighScore = high,
            CriticalScore = critical,
        };
    }

    private static double Number(string? text, string key, double min, double max, double fallback, string file, int line, int column, List<ModelError> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new(file, line, column, $"'{key}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; got '{text}'"));
        return fallback;
    }

    private static bool IsTechnique(string id)
        => id.Length >= 5 && id[0] == 'T' && id.AsSpan(1, 4).IndexOfAnyExceptInRange('0', '9') < 0
        && (id.Length == 5 || (id.Length == 9 && id[5] == '.' && id.AsSpan(6).IndexOfAnyExceptInRange('0', '9') < 0));
}
