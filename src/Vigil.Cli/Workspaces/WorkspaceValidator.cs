using System.Globalization;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Cli.Commands;
using Vigil.Cli.Rules;
using Vigil.Cli.Setup;
using Vigil.Ingest.Enrichment;

namespace Vigil.Cli.Workspaces;

/// <summary>
/// Checks a whole workspace the way a compiler checks code: every rule (loads and compiles), every model settings file
/// (keys, values, parameters), every context file (assets, identities, indicators, maintenance windows, approved access);
/// each problem with its file (relative to the workspace), line and column.
/// </summary>
internal static class WorkspaceValidator
{
    /// <summary>Validates a workspace.</summary>
    /// <param name="directory">The workspace folder.</param>
    /// <returns>The problems and what was checked.</returns>
    public static WorkspaceReport Validate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"{directory}: the workspace folder does not exist.");
        }

        var problems = new List<string>();
        var summary = new List<string>();
        var rulesPath = Path.Combine(directory, "rules");
        if (Directory.Exists(rulesPath))
        {
            var report = RuleCheckService.Check(new DetectionSetupOptions { RulePaths = [rulesPath] }, _ => { });
            foreach (var entry in report.Entries)
            {
                problems.AddRange(entry.Errors.Select(d => Relative(directory, RuleCheckTableWriter.Describe(d))));
            }

            summary.Add(string.Create(CultureInfo.InvariantCulture, $"rules: {report.Totals.Loaded} loaded, {report.Totals.Failed} failed"));
        }
        else
        {
            problems.Add("rules: the workspace has no rules/ folder");
        }

        var organization = (OrganizationContext?)null;
        var contextPath = Path.Combine(directory, "context");
        var modelErrors = new List<ModelError>();
        if (Directory.Exists(contextPath))
        {
            var loaded = OrganizationContext.Load(contextPath);
            organization = loaded.Context;
            problems.AddRange(loaded.Errors.Select(e => "context/" + e));
            foreach (var ignored in loaded.IgnoredFiles)
            {
                var name = Path.GetFileName(ignored);
                if (!name.Equals(BehaviourContextLoader.MaintenanceFile, StringComparison.OrdinalIgnoreCase)
                    && !name.Equals(BehaviourContextLoader.PrivilegedAccessFile, StringComparison.OrdinalIgnoreCase)
                    && !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"context/{Path.GetRelativePath(contextPath, Path.Combine(contextPath, ignored)).Replace('\\', '/')}: not a context file name "
                        + "(assets.csv/.yaml, identities.csv/.yaml, indicators*.csv, *.json STIX bundles, maintenance.yaml, privileged-access.yaml); it is ignored");
                }
            }

            summary.Add(string.Create(CultureInfo.InvariantCulture,
                $"context: {organization.Assets.Assets.Count} assets, {organization.Identities.Identities.Count} identities, {organization.Indicators.All.Count} indicators"));
        }

        var behaviour = BehaviourContextLoader.Load(Directory.Exists(contextPath) ? contextPath : null, organization, modelErrors);
        problems.AddRange(modelErrors.Select(e => "context/" + e));
        summary.Add(string.Create(CultureInfo.InvariantCulture, $"maintenance windows: {behaviour.Maintenance.Count}, approved access patterns: {behaviour.Approved.Count}"));

        var modelsPath = Path.Combine(directory, "models");
        if (Directory.Exists(modelsPath))
        {
            var catalog = ModelCatalogLoader.Load(modelsPath);
            var errors = new List<ModelError>(catalog.Errors);
            var models = BehaviourModelFactory.Create(catalog.Models, behaviour, errors);
            problems.AddRange(errors.Select(e => "models/" + e));
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"models: {models.Count} valid and enabled of {catalog.Models.Count}"));
        }

        var playbooksPath = Path.Combine(directory, Vigil.Response.ResponseConstants.PlaybooksFolder);
        if (Directory.Exists(playbooksPath))
        {
            var set = Vigil.Response.Playbooks.PlaybookLoader.LoadDirectory(playbooksPath);
            problems.AddRange(set.Errors.Select(e => Relative(directory, e.ToString())));
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"playbooks: {set.Playbooks.Count} loaded, {set.Errors.Count} errors"));
        }

        var policyPath = Path.Combine(directory, Vigil.Response.ResponseConstants.PolicyFolder, PolicyCommand.DecisionRightsFile);
        if (File.Exists(policyPath))
        {
            var policy = Vigil.Response.Policy.DecisionRightsLoader.Load(policyPath);
            problems.AddRange(policy.Errors.Select(e => Relative(directory, e.ToString())));
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"decision rights: {policy.Policy?.Rules.Count ?? 0} rules, mode {policy.Policy?.Mode.ToString().ToLowerInvariant() ?? "-"}"));
        }
        else
        {
            problems.Add($"policy/{PolicyCommand.DecisionRightsFile}: missing: every response action needs a decision (vigil init writes an example)");
        }

        var owners = Path.Combine(directory, GovernanceFiles.OwnersFile);
        if (File.Exists(owners))
        {
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"owners: {GovernanceFiles.CheckOwners(owners, problems)} entries"));
        }
        else
        {
            problems.Add($"{GovernanceFiles.OwnersFile}: missing: name who owns the rules and models and when they are reviewed (vigil init writes an example)");
        }

        var pilot = Path.Combine(directory, GovernanceFiles.PilotFile);
        if (File.Exists(pilot))
        {
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"pilot: {GovernanceFiles.CheckPilot(pilot, problems)} exit criteria"));
        }

        return new WorkspaceReport(problems, summary);
    }

    private static string Relative(string directory, string text)
    {
        var full = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        return text.Replace(full, string.Empty, StringComparison.Ordinal).Replace(directory.TrimEnd('/') + "/", string.Empty, StringComparison.Ordinal);
    }
}
