using System.Globalization;
using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;

namespace Vigil.Cli.Serving;

/// <summary>
/// Where the server keeps its behavioural models' learning: the state file of <c>vigil hunt --model-state</c> plus the
/// journal sequence number it covers (<c>FILE.sequence</c>), saved every <see cref="TicksBetweenSaves"/> model ticks and
/// at a clean stop, written to a temporary file and renamed so a crash never leaves half a state. At start the state is
/// loaded and batches up to its sequence number do not feed the models again.
/// </summary>
internal sealed class ModelStateStore(string path, Action<string> note)
{
    /// <summary>Model ticks between saves (20 ticks of 30 s: every 10 minutes).</summary>
    public const int TicksBetweenSaves = 20;

    /// <summary>Gets the journal sequence number the loaded state covers (0 when none).</summary>
    public long Sequence { get; private set; }

    /// <summary>Loads the state into the models when there is one; problems are printed and the models learn afresh.</summary>
    /// <param name="analysis">The models.</param>
    /// <param name="error">Where problems go.</param>
    public void Load(BehaviourAnalysis analysis, TextWriter error)
    {
        if (!File.Exists(path))
        {
            note($"model state {path}: none yet; the models learn from what arrives and save their state there");
            return;
        }

        var errors = new List<ModelError>();
        var restored = ModelStateFile.Load(analysis.Engine, path, errors);
        foreach (var problem in errors.Take(20))
        {
            error.WriteLine("vigil: model state error: " + problem);
        }

        Sequence = File.Exists(path + ".sequence") && long.TryParse(File.ReadAllText(path + ".sequence").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;
        note(string.Create(CultureInfo.InvariantCulture, $"model state {path}: {restored} of {analysis.Engine.Models.Count} models restored, covering the journal up to batch {Sequence}"));
    }

    /// <summary>Saves the state and the sequence number it covers.</summary>
    /// <param name="analysis">The models.</param>
    /// <param name="sequence">The last journal batch the models have observed.</param>
    public void Save(BehaviourAnalysis analysis, long sequence)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            ModelStateFile.Save(analysis.Engine, path + ".tmp");
            File.WriteAllText(path + ".sequence.tmp", sequence.ToString(CultureInfo.InvariantCulture));
            File.Move(path + ".tmp", path, overwrite: true);
            File.Move(path + ".sequence.tmp", path + ".sequence", overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The server goes on detecting; the learning since the last save is at risk, and says so.
            note($"model state {path}: cannot save: {ex.Message}; the models keep running and saving is tried again later");
        }
    }
}
