using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigil.Response;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil policy explain</c>: what the workspace's playbooks would do for an alert, and under which decision.</summary>
internal static class PolicyCommand
{
    /// <summary>The decision-rights file in a workspace's policy folder.</summary>
    public const string DecisionRightsFile = "decision-rights.yaml";

    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var workspace = new Option<string>("--workspace", "-w") { Description = "The workspace (playbooks/, policy/decision-rights.yaml).", HelpName = "DIR", Required = true };
        var alert = new Option<string>("--alert") { Description = "The alert, as JSON: id, detector, severity, confidence, techniques, host, user, src_ip, asset_criticality, asset_tags, time.", HelpName = "FILE", Required = true };
        var maintenance = new Option<bool>("--in-maintenance") { Description = "Decide as if the asset were in a maintenance window." };
        var explain = new Command("explain", "Show, offline, each playbook step the alert would trigger, its target, and the decision (autonomous, approval, forbidden, shadow) with the rule that made it.")
        {
            workspace, alert, maintenance,
        };
        explain.SetAction(parseResult => CommandGuard.Run(console, () =>
        {
            var root = parseResult.GetRequiredValue(workspace);
            var playbooks = PlaybookLoader.LoadDirectory(Path.Combine(root, ResponseConstants.PlaybooksFolder));
            var policy = DecisionRightsLoader.Load(Path.Combine(root, ResponseConstants.PolicyFolder, DecisionRightsFile));
            foreach (var error in playbooks.Errors.Concat(policy.Errors))
            {
                console.Error.WriteLine("vigil: error: " + error);
            }

            if (policy.Policy is null)
            {
                throw new CliFatalException("no usable decision rights: nothing can be explained without them.");
            }

            var input = ReadAlert(parseResult.GetRequiredValue(alert));
            var steps = PolicyExplainer.Explain(policy.Policy, playbooks.Playbooks, input, parseResult.GetValue(maintenance));
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Alert {input.Id} ({input.Detector}, {input.Severity.ToString().ToLowerInvariant()}, confidence {input.Confidence:0.##}); policy mode {policy.Policy.Mode.ToString().ToLowerInvariant()}."));
            if (steps.Count == 0)
            {
                console.Output.WriteLine("No playbook matches this alert: nothing would be done.");
            }

            foreach (var step in steps)
            {
                console.Output.WriteLine("  " + step);
            }

            return playbooks.Errors.Count + policy.Errors.Count > 0 ? ExitCodes.RuleErrors : ExitCodes.Ok;
        }));
        return new Command("policy", "Decision rights for response actions.") { explain };
    }

    private static ResponseAlert ReadAlert(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the alert: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{path}({ex.LineNumber + 1},{ex.BytePositionInLine + 1}): the alert is not valid JSON: {ex.Message}", ex);
        }

        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        List<string> Strings(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
        var severityText = Text("severity") ?? "medium";
        if (!Enum.TryParse<ResponseSeverity>(severityText, ignoreCase: true, out var severity) || !Enum.IsDefined(severity))
        {
            throw new CliUsageException($"{path}: 'severity' must be informational, low, medium, high or critical, not '{severityText}'.");
        }

        var confidence = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0.5;
        if (confidence is < 0 or > 1)
        {
            throw new CliUsageException($"{path}: 'confidence' must be between 0 and 1.");
        }

        AssetCriticality? criticality = null;
        if (Text("asset_criticality") is { } critText)
        {
            criticality = Enum.TryParse<AssetCriticality>(critText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new CliUsageException($"{path}: 'asset_criticality' must be low, medium, high or critical, not '{critText}'.");
        }

        var time = Text("time") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedTime) ? parsedTime : DateTimeOffset.UnixEpoch;
        return new ResponseAlert(
            Text("id") ?? Path.GetFileNameWithoutExtension(path), Text("detector") ?? "rule:unknown", severity, confidence, Strings("techniques"),
            Text("host"), Text("user"), Text("src_ip"), criticality, Strings("asset_tags"), time);
    }
}
