using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Rules;

/// <summary>Writes a <c>rules check</c> report as one JSON document: <c>{"rules": [...], "totals": {...}}</c>.</summary>
internal static class RuleCheckJsonWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(RuleCheckReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var entry in report.Entries)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
            var t = report.Totals;
            json.WriteStartObject("totals");
            json.WriteNumber("files", t.Files);
            json.WriteNumber("rules", t.Rules);
            json.WriteNumber("loaded", t.Loaded);
            json.WriteNumber("failed", t.Failed);
            json.WriteNumber("unknown_logsource", t.UnknownLogsource);
            json.WriteNumber("not_selected", t.NotSelected);
            json.WriteNumber("warnings", t.Warnings);
            json.WriteEndObject();
            json.WriteNumber("exit_code", report.ExitCode);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteEntry(Utf8JsonWriter json, RuleCheckEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("file", entry.File);
        json.WriteNumber("line", entry.Line);
        json.WriteString("id", entry.Id);
        json.WriteString("title", entry.Title);
        json.WriteString("kind", entry.Kind);
        json.WriteString("level", entry.Level);
        json.WriteString("status", entry.Status);
        json.WriteString("logsource", entry.Logsource);
        if (entry.LogsourceKnown is { } known)
        {
            json.WriteBoolean("logsource_known", known);
        }
        else
        {
            json.WriteNull("logsource_known");
        }

        json.WriteString("state", entry.StateName);
        WriteDiagnostics(json, "errors", entry.Errors);
        WriteDiagnostics(json, "warnings", entry.Warnings);
        json.WriteEndObject();
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, string name, IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("file", d.File);
            json.WriteNumber("line", d.Line);
            json.WriteNumber("column", d.Column);
            json.WriteString("construct", d.Construct);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
