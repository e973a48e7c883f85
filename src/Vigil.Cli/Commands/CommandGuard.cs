namespace Vigil.Cli.Commands;

/// <summary>Runs a command body and turns its failures into exit codes and one-line messages on the standard error.</summary>
internal static class CommandGuard
{
    /// <summary>Runs <paramref name="body"/>.</summary>
    /// <param name="console">Where errors go.</param>
    /// <param name="body">The command.</param>
    /// <returns>The body's exit code, or the code of its failure.</returns>
    public static int Run(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine("vigil: error: " + ex.Message);
            return ExitCodes.UsageError;
        }
        catch (CliFatalException ex)
        {
            console.Error.WriteLine("vigil: error: " + ex.Message);
            return ExitCodes.Fatal;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("vigil: cancelled.");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The last line of defence: any other failure is reported as fatal, with its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"vigil: fatal: {ex.GetType().Name}: {ex.Message}");
            for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            {
                console.Error.WriteLine($"vigil: fatal:   caused by {inner.GetType().Name}: {inner.Message}");
            }

            return ExitCodes.Fatal;
        }
    }
}
