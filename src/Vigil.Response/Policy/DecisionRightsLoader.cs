using YamlDotNet.RepresentationModel;
using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>
/// Reads <c>policy/decision-rights.yaml</c>. Every problem is reported as <c>file(line,col): reason</c>; a file with any error
/// yields no policy, because acting on half a policy is worse than acting on none.
/// </summary>
internal static class DecisionRightsLoader
{
    /// <summary>The file name inside the workspace's policy folder.</summary>
    public const string FileName = "decision-rights.yaml";

    private static readonly string[] RootKeys = ["mode", "rules", "default"];
    private static readonly string[] DecisionKeys = ["decision", "role", "approvers", "expires_after"];
    private static readonly string[] RuleKeys =
        ["id", "description", "actions", "asset_tags", "asset_criticality", "min_confidence", "max_confidence", "in_maintenance", .. DecisionKeys];

    private static readonly string[] Criticalities = ["low", "medium", "high", "critical"];
    private static readonly string[] Roles = ["analyst", "approver", "admin"];

    /// <summary>Loads the decision rights from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The policy (null on any error) and the problems.</returns>
    public static DecisionRightsResult Load(string path)
    {
        var errors = new List<ResponseError>();
        var file = ResponseConstants.PolicyFolder + "/" + Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(new(file, 0, 0, "the decision-rights file is missing; no action may run without one"));
            return new DecisionRightsResult(null, errors);
        }

        var root = ResponseYaml.LoadFile(path, file, errors);
        return new DecisionRightsResult(root is null ? null : Read(root, file, errors), errors);
    }

    /// <summary>Parses decision rights from YAML text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name shown in errors.</param>
    /// <returns>The policy (null on any error) and the problems.</returns>
    public static DecisionRightsResult Parse(string text, string file)
    {
        var errors = new List<ResponseError>();
        var root = ResponseYaml.Load(text, file, errors);
        return new DecisionRightsResult(root is null ? null : Read(root, file, errors), errors);
    }

    private static DecisionPolicy? Read(YamlMappingNode root, string file, List<ResponseError> errors)
    {
        ResponseYaml.Known(root, file, errors, RootKeys);
        var mode = ResponseYaml.Text(root, "mode", file, errors, required: true) switch
        {
            "enforce" => PolicyMode.Enforce,
            "shadow" => PolicyMode.Shadow,
            null => (PolicyMode?)null,
            _ => Fail<PolicyMode>(errors, ResponseYaml.At(file, ResponseYaml.Get(root, "mode")!, "'mode' must be enforce or shadow")),
        };

        var rules = new List<DecisionRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (ResponseYaml.Get(root, "rules") is { } rulesNode)
        {
            if (rulesNode is YamlSequenceNode list)
            {
                foreach (var item in list)
                {
                    if (item is not YamlMappingNode map)
                    {
                        errors.Add(ResponseYaml.At(file, item, "each rule is a map with id, description, conditions and a decision"));
                    }
                    else if (ReadRule(map, file, errors) is { } rule)
                    {
                        if (!ids.Add(rule.Id))
                        {
                            errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, "id")!, $"duplicate rule id '{rule.Id}'"));
                        }

                        rules.Add(rule);
                    }
                }
            }
            else
            {
                errors.Add(ResponseYaml.At(file, rulesNode, "'rules' must be a list of rules"));
            }
        }

        RuleDecision? fallback = null;
        switch (ResponseYaml.Get(root, "default"))
        {
            case null:
                errors.Add(ResponseYaml.At(file, root, "'default' is required: the decision when no rule matches"));
                break;
            case YamlMappingNode map:
                ResponseYaml.Known(map, file, errors, DecisionKeys);
                fallback = ReadDecision(map, file, errors);
                break;
            case var node:
                errors.Add(ResponseYaml.At(file, node, "'default' must be a map with decision (and role, approvers, expires_after)"));
                break;
        }

        return errors.Count > 0 || mode is null || fallback is null ? null : new DecisionPolicy(mode.Value, rules, fallback);
    }

    private static DecisionRule? ReadRule(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var before = errors.Count;
        ResponseYaml.Known(map, file, errors, RuleKeys);
        var id = ResponseYaml.Text(map, "id", file, errors, required: true);
        var description = ResponseYaml.Text(map, "description", file, errors, required: false) ?? string.Empty;
        var actions = ReadActions(map, file, errors);
        var tags = ResponseYaml.Get(map, "asset_tags") is { } t ? ResponseYaml.Items(t, "asset_tags", file, errors) ?? [] : [];
        var criticality = new List<AssetCriticality>();
        if (ResponseYaml.Get(map, "asset_criticality") is { } c)
        {
            foreach (var item in ResponseYaml.Items(c, "asset_criticality", file, errors) ?? [])
            {
                var rank = Array.IndexOf(Criticalities, item.Value);
                if (rank < 0)
                {
                    errors.Add(ResponseYaml.At(file, item, $"unknown asset_criticality '{item.Value}'; known: {string.Join(", ", Criticalities)}"));
                }
                else
                {
                    criticality.Add((AssetCriticality)rank);
                }
            }
        }

        var min = ResponseYaml.Get(map, "min_confidence") is { } minNode ? ResponseYaml.Fraction(minNode, "min_confidence", file, errors) : null;
        var max = ResponseYaml.Get(map, "max_confidence") is { } maxNode ? ResponseYaml.Fraction(maxNode, "max_confidence", file, errors) : null;
        if (min > max)
        {
            errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, "max_confidence")!, "'max_confidence' is below 'min_confidence'; the rule could never match"));
        }

        var maintenance = ResponseYaml.Get(map, "in_maintenance") is { } m ? ResponseYaml.Bool(m, "in_maintenance", file, errors) : null;
        var decision = ReadDecision(map, file, errors);
        if (errors.Count > before || id is null || decision is null)
        {
            return null;
        }

        return new DecisionRule(id, description, actions, [.. tags.Select(x => x.Value!)], criticality, min, max, maintenance, decision, (int)map.Start.Line);
    }

    private static List<ResponseAction>? ReadActions(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        if (ResponseYaml.Get(map, "actions") is not { } node || node is YamlScalarNode { Value: "*" })
        {
            return null;
        }

        var actions = new List<ResponseAction>();
        foreach (var item in ResponseYaml.Items(node, "actions", file, errors) ?? [])
        {
            if (ResponseActions.TryParse(item.Value, out var action))
            {
                actions.Add(action);
            }
            else
            {
                errors.Add(ResponseYaml.At(file, item, $"unknown action '{item.Value}'; known: *, {ResponseActions.Known}"));
            }
        }

        return actions;
    }

    private static RuleDecision? ReadDecision(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var text = ResponseYaml.Text(map, "decision", file, errors, required: true);
        if (text is null)
        {
            return null;
        }

        var kind = text switch
        {
            "autonomous" => (DecisionKind?)DecisionKind.Autonomous,
            "forbidden" => DecisionKind.Forbidden,
            "approval" => DecisionKind.Approval,
            _ => Fail<DecisionKind>(errors, ResponseYaml.At(file, ResponseYaml.Get(map, "decision")!, $"unknown decision '{text}'; known: autonomous, approval, forbidden")),
        };
        if (kind is null)
        {
            return null;
        }

        if (kind != DecisionKind.Approval)
        {
            foreach (var key in DecisionKeys.Skip(1))
            {
                if (ResponseYaml.Get(map, key) is { } extra)
                {
                    errors.Add(ResponseYaml.At(file, extra, $"'{key}' only applies to 'decision: approval'"));
                }
            }

            return new RuleDecision(kind.Value, null, 0, null);
        }

        return ReadApproval(map, file, errors);
    }

    private static RuleDecision? ReadApproval(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var before = errors.Count;
        var roleText = ResponseYaml.Text(map, "role", file, errors, required: true);
        var role = Array.IndexOf(Roles, roleText);
        if (roleText is not null && role < 0)
        {
            errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, "role")!, $"unknown role '{roleText}'; known: {string.Join(", ", Roles)}"));
        }

        var approvers = 1;
        if (ResponseYaml.Get(map, "approvers") is { } approversNode
            && (approversNode is not YamlScalarNode { Value: { } count } || !int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out approvers) || approvers is < 1 or > 3))
        {
            errors.Add(ResponseYaml.At(file, approversNode, "'approvers' must be 1, 2 (the two-person rule) or 3"));
        }

        var expiryText = ResponseYaml.Text(map, "expires_after", file, errors, required: true);
        var expiry = TimeSpan.Zero;
        if (expiryText is not null && (!ResponseYaml.TryDuration(expiryText, out expiry) || expiry > TimeSpan.FromDays(30)))
        {
            errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, "expires_after")!, $"'expires_after' must be a duration like 30m, 4h or 1d (at most 30d), not '{expiryText}'"));
            return null;
        }

        return errors.Count > before || role < 0 || expiryText is null
            ? null
            : new RuleDecision(DecisionKind.Approval, (ApproverRole)role, approvers, expiry);
    }

    private static T? Fail<T>(List<ResponseError> errors, ResponseError error)
        where T : struct
    {
        errors.Add(error);
        return null;
    }
}
