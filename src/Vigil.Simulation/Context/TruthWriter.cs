using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Simulation.Events;
using Vigil.Simulation.Scenarios;

namespace Vigil.Simulation.Context;

/// <summary>Writes <c>truth.json</c> (format <c>vigil-truth/1</c>): the run's parameters and one entry per scenario, in a fixed order.</summary>
internal static class TruthWriter
{
    /// <summary>Renders the file.</summary>
    public static byte[] Render(SimulationOptions options, IReadOnlyList<ScenarioRecord> scenarios)
    {
        using var stream = new MemoryStream();
        var settings = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, settings))
        {
            json.WriteStartObject();
            json.WriteString("format", SimulationConstants.TruthFormat);
            json.WriteNumber("seed", options.Seed);
            json.WriteString("start", SimTime.Iso(options.StartTicks));
            json.WriteString("end", SimTime.Iso(options.StartTicks + (options.Days * SimTime.Day)));
            json.WriteNumber("days", options.Days);
            json.WriteNumber("users", options.Users);
            json.WriteNumber("learning_days", options.LearningDays);
            json.WriteStartArray("scenarios");
            foreach (var s in scenarios)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("kind", s.Kind == ScenarioKind.Attack ? "attack" : "benign");
                json.WriteString("name", s.Name);
                json.WriteString("title", s.Title);
                WriteList(json, "techniques", s.Techniques);
                json.WriteString("start", SimTime.Iso(s.Start));
                json.WriteString("end", SimTime.Iso(s.End));
                WriteList(json, "users", s.Users);
                WriteList(json, "hosts", s.Hosts);
                WriteList(json, "addresses", s.Addresses);
                json.WriteNumber("event_count", s.EventCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
