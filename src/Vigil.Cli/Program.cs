using System.Text;
using Vigil.Cli;

// Hits can be many: write the standard output through a large buffer (flushed as it goes only on a terminal).
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16)
{
    AutoFlush = !Console.IsOutputRedirected,
};
var console = new CliConsole(stdout, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, errorIsTerminal: !Console.IsErrorRedirected);
var exitCode = CliApp.Run(args, console, handleTermination: true);
stdout.Flush();
return exitCode;
