using Spectre.Console;

namespace Vigil.Cli.Hunting;

/// <summary>Creates the hit writer for an output format.</summary>
internal static class HitWriters
{
    /// <summary>Creates a writer.</summary>
    /// <param name="format">The format.</param>
    /// <param name="output">Where jsonl and csv go.</param>
    /// <param name="tableConsole">Where the table goes.</param>
    /// <returns>The writer.</returns>
    public static IHitWriter Create(HitOutputFormat format, TextWriter output, IAnsiConsole tableConsole) => format switch
    {
        HitOutputFormat.Jsonl => new JsonlHitWriter(output),
        HitOutputFormat.Csv => new CsvHitWriter(output),
        HitOutputFormat.Ocsf => new OcsfFindingWriter(output),
        HitOutputFormat.TheHive => new TheHiveAlertWriter(output),
        _ => new TableHitWriter(tableConsole),
    };
}
