namespace Vigil.Cli.Setup;

/// <summary>
/// The folders a command uses, from a workspace (<c>rules/</c>, <c>models/</c>, <c>context/</c>) and the options that
/// override it. A workspace folder that is missing, or has none of those folders, is a usage error, not a silent no-op.
/// </summary>
/// <param name="Rules">The rule paths.</param>
/// <param name="Models">The models folder, or null.</param>
/// <param name="Context">The context folder, or null.</param>
internal sealed record Workspace(IReadOnlyList<string> Rules, string? Models, string? Context)
{
    /// <summary>Resolves the folders.</summary>
    /// <param name="workspace">The workspace folder, or null.</param>
    /// <param name="rules">The --rules paths, or null.</param>
    /// <param name="models">The --models folder, or null.</param>
    /// <param name="context">The --context folder, or null.</param>
    /// <returns>The folders.</returns>
    public static Workspace Resolve(string? workspace, IReadOnlyList<string>? rules, string? models, string? context)
    {
        if (workspace is null)
        {
            return rules is { Count: > 0 }
                ? new Workspace(rules, models, context)
                : throw new CliUsageException("--rules is required (or --workspace DIR with a rules/ folder); see 'vigil hunt --help'.");
        }

        if (!Directory.Exists(workspace))
        {
            throw new CliUsageException($"{workspace}: the workspace folder does not exist.");
        }

        string? Inside(string name) => Directory.Exists(Path.Combine(workspace, name)) ? Path.Combine(workspace, name) : null;
        var workspaceRules = Inside("rules");
        if (rules is not { Count: > 0 } && workspaceRules is null)
        {
            throw new CliUsageException($"{workspace}: the workspace has no rules/ folder and no --rules was given.");
        }

        return new Workspace(rules is { Count: > 0 } ? rules : [workspaceRules!], models ?? Inside("models"), context ?? Inside("context"));
    }
}
