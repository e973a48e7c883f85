using Spectre.Console;

namespace Vigil.Cli;

/// <summary>
/// The standard output and error of one <c>vigil</c> run, and whether each is an interactive terminal.
/// Tests pass string writers (never terminals); the real process passes the console streams.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>The width used to render tables when the output is not a terminal.</summary>
    private const int RedirectedWidth = 160;

    public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false)
    {
        Output = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>Creates a Spectre console over <paramref name="writer"/>: colours and live display only on a terminal.</summary>
    /// <param name="writer">Where it writes.</param>
    /// <param name="isTerminal">Whether <paramref name="writer"/> is an interactive terminal.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole CreateAnsiConsole(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        else if (TerminalWidth() is > 0 and var width)
        {
            // Spectre only knows the width of Console.Out/Console.Error themselves, not of a writer over the same terminal.
            console.Profile.Width = width;
        }

        return console;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>Creates a Spectre console over the standard output.</summary>
    /// <returns>The console.</returns>
    public IAnsiConsole CreateOutputConsole() => CreateAnsiConsole(Output, OutputIsTerminal);

    /// <summary>Creates a Spectre console over the standard error.</summary>
    /// <returns>The console.</returns>
    public IAnsiConsole CreateErrorConsole() => CreateAnsiConsole(Error, ErrorIsTerminal);
}
