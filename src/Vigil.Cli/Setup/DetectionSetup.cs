using Vigil.Detection.Attack;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Setup;

/// <summary>Loads rules, the logsource mapping and the ATT&amp;CK catalog, and builds the engine.</summary>
internal static class DetectionSetup
{
    /// <summary>Loads everything and compiles the engine.</summary>
    /// <param name="options">What to load.</param>
    /// <param name="note">Receives informational notes (for example that the built-in ATT&amp;CK catalog is used).</param>
    /// <returns>The load report and the engine.</returns>
    /// <exception cref="CliUsageException">A file named by an option cannot be read.</exception>
    public static DetectionSetupResult Build(DetectionSetupOptions options, Action<string> note)
    {
        var placeholders = options.PlaceholdersPath is null
            ? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            : PlaceholderFile.Load(options.PlaceholdersPath);
        var logsources = LoadLogsources(options.LogsourcesPath, note);
        var attack = LoadAttack(options.AttackDirectory, note);

        var report = new SigmaRuleLoader(new SigmaLoadOptions { Placeholders = placeholders }).LoadPaths(options.RulePaths);
        var builder = new DetectionEngineBuilder();
        if (logsources is not null)
        {
            builder.UseLogsources(logsources);
        }

        var engine = builder
            .UseAttack(attack)
            .Select(options.Selection)
            .StrictLogsource(options.StrictLogsource)
            .AddRules(report.Rules)
            .Build();

        // Loading thousands of YAML files and building the prefilter leaves a large, fragmented heap behind; hand it
        // back to the OS once, before the long-running hunt (peak memory is one of the hunt's documented figures).
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new DetectionSetupResult(report, engine, attack);
    }

    private static LogsourceMap? LoadLogsources(string? path, Action<string> note)
    {
        if (path is null)
        {
            path = LogsourceMap.FindDefaultPath();
            if (path is null)
            {
                note("no logsource mapping found (maps/logsources.yaml); every rule runs on every event. Use --logsources FILE.");
                return null;
            }

            try
            {
                return LogsourceMap.Load(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LogsourceMapException)
            {
                throw new CliFatalException($"the default logsource mapping is invalid: {ex.Message}", ex);
            }
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"{path}: logsource mapping file not found.");
        }

        try
        {
            return LogsourceMap.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LogsourceMapException)
        {
            throw new CliUsageException($"invalid logsource mapping: {ex.Message}", ex);
        }
    }

    private static AttackCatalog LoadAttack(string? directory, Action<string> note)
    {
        if (directory is null)
        {
            directory = AttackCatalog.FindDefaultDirectory();
            if (directory is null)
            {
                note("ATT&CK data folder not found; using the built-in catalog (tactics only, technique names unknown). Use --attack DIR.");
                return AttackCatalog.BuiltIn;
            }
        }
        else if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"{directory}: ATT&CK data folder not found.");
        }

        try
        {
            return AttackCatalog.Load(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliUsageException($"{directory}: invalid ATT&CK data: {ex.Message}", ex);
        }
    }
}
