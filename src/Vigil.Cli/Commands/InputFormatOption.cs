using System.CommandLine;
using Vigil.Ingest.Sources;

namespace Vigil.Cli.Commands;

/// <summary>The option that forces the input format instead of detecting it per file.</summary>
internal static class InputFormatOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option name.</param>
    /// <param name="aliases">Other names.</param>
    /// <returns>The option.</returns>
    public static Option<string> Create(string name, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = "Input format: " + string.Join(", ", EventFileFormats.AllNames)
                + ". 'auto' detects it per file from its content; gzip is always read transparently.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong([.. EventFileFormats.AllNames]);
        return option;
    }

    /// <summary>Reads the chosen format.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The format.</returns>
    public static EventFileFormat Read(ParseResult parseResult, Option<string> option)
        => EventFileFormats.TryParse(parseResult.GetValue(option), out var format) ? format : EventFileFormat.Auto;
}
