namespace Vigil.Cli.Tests.Support;

/// <summary>What one in-process run of <c>vigil</c> returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
