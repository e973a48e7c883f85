using System.Globalization;
using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;
using Vigil.Ingest.Enrichment;

namespace Vigil.Cli.Setup;

/// <summary>Loads the behavioural models for a command (<c>--models DIR</c>) and prints what is wrong with their settings.</summary>
internal static class ModelSetup
{
    private const int PrintLimit = 20;

    /// <summary>The models folder shipped beside the executable and at the repository root.</summary>
    public const string DefaultRelativePath = "models";

    /// <summary>Loads the models; a missing folder is fatal, a broken file is reported and skipped.</summary>
    /// <param name="modelsPath">The models folder.</param>
    /// <param name="contextPath">The context folder (maintenance windows, approved access), or null.</param>
    /// <param name="organization">The loaded organisation context, or null.</param>
    /// <param name="error">Where problems are printed.</param>
    /// <param name="note">Where the summary line goes.</param>
    /// <param name="errorCount">Receives the number of problems.</param>
    /// <returns>The analysis to feed.</returns>
    public static BehaviourAnalysis Load(string modelsPath, string? contextPath, OrganizationContext? organization, TextWriter error, Action<string> note, out int errorCount)
    {
        if (!Directory.Exists(modelsPath))
        {
            throw new CliFatalException($"{modelsPath}: the models folder does not exist");
        }

        var errors = new List<ModelError>();
        var analysis = BehaviourAnalysis.Load(modelsPath, contextPath, organization, errors);
        foreach (var problem in errors.Take(PrintLimit))
        {
            error.WriteLine("vigil: model error: " + problem);
        }

        if (errors.Count > PrintLimit)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigil: {errors.Count - PrintLimit} more model errors not shown"));
        }

        errorCount = errors.Count;
        var engine = analysis.Engine;
        note(string.Create(
            CultureInfo.InvariantCulture,
            $"models {modelsPath}: {engine.Models.Count} running ({string.Join(", ", engine.Models.Select(m => m.Settings.Name))})"));
        return analysis;
    }

    /// <summary>Loads a state file when it exists; returns the number of problems (printed).</summary>
    public static int LoadState(BehaviourAnalysis analysis, string path, TextWriter error, Action<string> note)
    {
        if (!File.Exists(path))
        {
            note($"model state {path}: none yet; the models learn from these events and save their state there");
            return 0;
        }

        var errors = new List<ModelError>();
        var restored = ModelStateFile.Load(analysis.Engine, path, errors);
        foreach (var problem in errors.Take(PrintLimit))
        {
            error.WriteLine("vigil: model state error: " + problem);
        }

        note(string.Create(CultureInfo.InvariantCulture, $"model state {path}: {restored} of {analysis.Engine.Models.Count} models restored"));
        return errors.Count;
    }

    /// <summary>Saves the models' state; a file that cannot be written is fatal (the learning would be lost silently).</summary>
    public static void SaveState(BehaviourAnalysis analysis, string path, Action<string> note)
    {
        try
        {
            ModelStateFile.Save(analysis.Engine, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFatalException($"{path}: cannot write the model state: {ex.Message}", ex);
        }

        note(string.Create(CultureInfo.InvariantCulture, $"model state saved to {path} ({analysis.Engine.Models.Sum(m => m.TrackedEntities):N0} entities tracked)"));
    }

    /// <summary>The models folder beside the executable, else at the root of the repository holding it or the current folder.</summary>
    /// <returns>The folder, or null.</returns>
    public static string? FindDefaultDirectory() => ShippedFolders.Find(DefaultRelativePath);
}
