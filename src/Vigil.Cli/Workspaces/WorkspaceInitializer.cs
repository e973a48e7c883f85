using Vigil.Cli.Setup;

namespace Vigil.Cli.Workspaces;

/// <summary>Writes a working default workspace: the shipped rules and models, an example context, the folder layout.</summary>
internal static class WorkspaceInitializer
{
    /// <summary>Writes the workspace; returns the files written, relative to it.</summary>
    /// <param name="directory">The workspace folder (created; must be empty unless <paramref name="force"/>).</param>
    /// <param name="force">Whether files already there may be overwritten.</param>
    /// <returns>The files written.</returns>
    public static List<string> Write(string directory, bool force)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !force)
        {
            throw new CliUsageException($"{directory}: the folder is not empty; give an empty or new folder, or --force to overwrite the workspace files in it.");
        }

        var rules = ShippedFolders.Find("rules") ?? throw new CliFatalException("the starter rules (rules/) are neither beside the executable nor in the repository");
        var models = ShippedFolders.Find(ModelSetup.DefaultRelativePath) ?? throw new CliFatalException("the model settings (models/) are neither beside the executable nor in the repository");
        var playbooks = ShippedFolders.Find(Vigil.Response.ResponseConstants.PlaybooksFolder) ?? throw new CliFatalException("the example playbooks (playbooks/) are neither beside the executable nor in the repository");
        var policy = ShippedFolders.Find(Vigil.Response.ResponseConstants.PolicyFolder) ?? throw new CliFatalException("the example decision rights (policy/) are neither beside the executable nor in the repository");
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(directory);
            Copy(rules, Path.Combine(directory, "rules"), "*.yml", directory, written);
            Copy(models, Path.Combine(directory, "models"), "*.yaml", directory, written);
            Copy(playbooks, Path.Combine(directory, Vigil.Response.ResponseConstants.PlaybooksFolder), "*.yaml", directory, written);
            Copy(policy, Path.Combine(directory, Vigil.Response.ResponseConstants.PolicyFolder), "*.yaml", directory, written);
            foreach (var (path, content) in WorkspaceTemplates.Files)
            {
                var target = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content.ReplaceLineEndings("\n"));
                written.Add(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFatalException($"{directory}: cannot write the workspace: {ex.Message}", ex);
        }

        return written;
    }

    private static void Copy(string from, string to, string pattern, string root, List<string> written)
    {
        foreach (var file in Directory.EnumerateFiles(from, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            written.Add(Path.GetRelativePath(root, target).Replace('\\', '/'));
        }
    }
}
