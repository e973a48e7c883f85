namespace Vigil.Cli.Tests.Support;

/// <summary>Runs <c>vigil</c> in-process and captures its output.</summary>
internal static class VigilCli
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
