using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Reads <c>vigil-truth/1</c> documents. The JSON shape (required fields and their types) is checked here, the values
/// (ranges, ids, technique ids, addresses) by <see cref="GroundTruthValidator"/>. Unknown fields are ignored.
/// </summary>
internal static class GroundTruthReader
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Reads and validates a ground-truth file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The ground truth.</returns>
    public static GroundTruth Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new GroundTruthException(path, null, null, null, "is a folder; expected a ground-truth file");
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > GroundTruth.MaxBytes)
            {
                throw TooLarge(path);
            }

            bytes = ReadAll(stream, path);
        }
        catch (IOException e)
        {
            throw new GroundTruthException(path, null, null, null, $"cannot read the file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GroundTruthException(path, null, null, null, $"cannot read the file: {e.Message}", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads and validates a ground-truth document from a stream.</summary>
    /// <param name="stream">The stream (UTF-8).</param>
    /// <param name="source">The name errors use.</param>
    /// <returns>The ground truth.</returns>
    public static GroundTruth Parse(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        byte[] bytes;
        try
        {
            bytes = ReadAll(stream, source);
        }
        catch (IOException e)
        {
            throw new GroundTruthException(source, null, null, null, $"cannot read the document: {e.Message}", e);
        }

        return Parse(bytes, source);
    }

    /// <summary>Reads and validates a ground-truth document from a string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name errors use.</param>
    /// <returns>The ground truth.</returns>
    public static GroundTruth Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        if (json.Length > GroundTruth.MaxBytes || Encoding.UTF8.GetByteCount(json) > GroundTruth.MaxBytes)
        {
            throw TooLarge(source);
        }

        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    private static GroundTruth Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(utf8.Span))
        {
            throw new GroundTruthException(source, null, null, null, "not UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = BacktestConstants.MaxTruthDepth });
        }
        catch (JsonException e)
        {
            throw new GroundTruthException(source, null, null, null, $"not valid JSON: {e.Message}", e);
        }

        GroundTruth truth;
        using (document)
        {
            truth = ReadDocument(document.RootElement, source);
        }

        GroundTruthValidator.Validate(truth, source);
        return truth;
    }

    private static GroundTruth ReadDocument(JsonElement root, string source)
    {
        var document = GroundTruthJsonObject.Read(root, source, null);
        if (!document.TryGet("format", out var format))
        {
            throw document.Error("format", $"missing; a ground-truth file starts with \"format\": \"{GroundTruth.Format}\"");
        }

        if (format.ValueKind != JsonValueKind.String || format.GetString() != GroundTruth.Format)
        {
            throw document.Error("format", $"expected \"{GroundTruth.Format}\", found {format.GetRawText()}");
        }

        var seed = document.RequiredInt64("seed");
        var start = document.RequiredTime("start");
        var end = document.RequiredTime("end");
        var days = document.RequiredInt32("days");
        var users = document.RequiredInt32("users");
        var learningDays = document.RequiredInt32("learning_days");
        var array = document.RequiredArray("scenarios");
        var scenarios = new List<GroundTruthScenario>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            scenarios.Add(ReadScenario(element, source, scenarios.Count));
        }

        return new GroundTruth(seed, start, end, days, users, learningDays, scenarios);
    }

    private static GroundTruthScenario ReadScenario(JsonElement element, string source, int index)
    {
        var scenario = GroundTruthJsonObject.Read(element, source, index);
        var id = scenario.RequiredString("id");
        scenario.ScenarioId = id;
        var kindText = scenario.RequiredString("kind");
        var kind = kindText switch
        {
            "attack" => GroundTruthScenarioKind.Attack,
            "benign" => GroundTruthScenarioKind.Benign,
            _ => throw scenario.Error("kind", $"expected \"attack\" or \"benign\", found {GroundTruthJsonObject.Quote(kindText)}"),
        };
        var name = scenario.RequiredString("name");
        var title = scenario.RequiredString("title");
        var techniques = kind == GroundTruthScenarioKind.Attack ? scenario.RequiredStrings("techniques") : scenario.OptionalStrings("techniques");
        var start = scenario.RequiredTime("start");
        var end = scenario.RequiredTime("end");
        var users = scenario.RequiredStrings("users");
        var hosts = scenario.RequiredStrings("hosts");
        var addresses = scenario.RequiredStrings("addresses");
        var eventCount = scenario.RequiredInt32("event_count");
        return new GroundTruthScenario(id, kind, name, title, techniques, start, end, users, hosts, addresses, eventCount);
    }

    private static byte[] ReadAll(Stream stream, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > GroundTruth.MaxBytes)
            {
                throw TooLarge(source);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static GroundTruthException TooLarge(string source)
        => new(source, null, null, null, $"larger than {GroundTruth.MaxBytes / (1024 * 1024)} MiB, the most a ground-truth file may be");
}
