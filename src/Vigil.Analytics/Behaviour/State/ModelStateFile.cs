using System.Text.Json;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.State;

/// <summary>
/// Saves what the models learnt to a JSON file and loads it back, so that a later run goes on from the baseline instead
/// of learning again (<c>--model-state FILE</c>). A model's state is only loaded into a model of the same name, kind and
/// settings version; the rest is reported and that model learns afresh. The file is written to a temporary name and
/// then moved, so a crash never leaves half a state behind.
/// </summary>
internal static class ModelStateFile
{
    /// <summary>The format tag of the file.</summary>
    public const string Format = "vigil-model-state/1";

    /// <summary>The largest state file read.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Writes the state of every model of an engine.</summary>
    public static void Save(BehaviourEngine engine, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("models");
            foreach (var model in engine.Models)
            {
                json.WriteStartObject();
                json.WriteString("name", model.Settings.Name);
                json.WriteString("kind", model.Settings.Kind);
                json.WriteString("version", model.Settings.Version);
                json.WriteNumber("first_ticks", model.FirstTicks);
                json.WriteStartObject("state");
                model.WriteState(json);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Loads a state file into the engine's models; returns how many models were restored.</summary>
    /// <param name="engine">The engine whose models are restored (before any observation).</param>
    /// <param name="path">The file.</param>
    /// <param name="errors">Receives what could not be used.</param>
    /// <returns>The number of models restored.</returns>
    public static int Load(BehaviourEngine engine, string path, List<ModelError> errors)
    {
        var file = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                errors.Add(new(file, 0, 0, $"the state file is larger than {MaxBytes >> 20} MiB; every model learns afresh"));
                return 0;
            }

            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            errors.Add(new(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "not a model state file: " + ex.Message + "; every model learns afresh"));
            return 0;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != Format || !root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new(file, 0, 0, $"not a model state file (format '{Format}' with a 'models' list); every model learns afresh"));
                return 0;
            }

            var restored = 0;
            foreach (var entry in models.EnumerateArray())
            {
                restored += Restore(engine, entry, file, errors) ? 1 : 0;
            }

            return restored;
        }
    }

    private static bool Restore(BehaviourEngine engine, JsonElement entry, string file, List<ModelError> errors)
    {
        var name = entry.ValueKind == JsonValueKind.Object ? StateJson.OptionalString(entry, "name") : null;
        var model = engine.Models.FirstOrDefault(m => string.Equals(m.Settings.Name, name, StringComparison.Ordinal));
        if (model is null)
        {
            errors.Add(new(file, 0, 0, $"state of model '{name}', which is not running; it is ignored"));
            return false;
        }

        var kind = StateJson.OptionalString(entry, "kind");
        var version = StateJson.OptionalString(entry, "version");
        if (kind != model.Settings.Kind || version != model.Settings.Version)
        {
            errors.Add(new(file, 0, 0, $"model '{name}': the state was saved by kind '{kind}' version '{version}', the settings are kind '{model.Settings.Kind}' version '{model.Settings.Version}'; it learns afresh"));
            return false;
        }

        try
        {
            model.ReadState(entry.GetProperty("state"));
            model.FirstTicks = entry.GetProperty("first_ticks").GetInt64();
            return true;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            errors.Add(new(file, 0, 0, $"model '{name}': the state does not fit ({ex.Message}); it learns afresh"));
            engine.Reset(model);
            return false;
        }
    }
}
