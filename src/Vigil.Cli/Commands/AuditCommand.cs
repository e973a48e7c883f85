using System.CommandLine;
using System.Globalization;
using Vigil.Response.Audit;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil audit verify</c> and <c>vigil audit export</c> over a response audit log.</summary>
internal static class AuditCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The audit log (a SQLite file, normally <workspace>/.vigil/audit.db)." };
        var anchor = new Option<string?>("--anchor") { Description = "The head hash recorded earlier: a log cut short after it is detected too.", HelpName = "HASH" };
        var verify = new Command("verify", "Check the hash chain: any altered, removed, reordered or forged record is reported with its sequence number.") { file, anchor };
        verify.SetAction(parseResult => CommandGuard.Run(console, () =>
        {
            using var log = Open(parseResult.GetRequiredValue(file));
            var result = log.Verify(parseResult.GetValue(anchor));
            if (result.IsValid)
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The audit chain verifies: {result.RecordCount:N0} records, head {result.HeadHash}."));
                return ExitCodes.Ok;
            }

            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The audit chain is BROKEN at record {result.BrokenSeq}: {result.Break}: {result.Reason}; {result.UnverifiableCount:N0} records from there on cannot be trusted."));
            return ExitCodes.Hits;
        }));
        var exportFile = new Argument<string>("file") { Description = "The audit log." };
        var export = new Command("export", "Write every record, with its hashes, as JSON lines to the standard output.") { exportFile };
        export.SetAction(parseResult => CommandGuard.Run(console, () =>
        {
            using var log = Open(parseResult.GetRequiredValue(exportFile));
            var count = log.ExportJsonLines(console.Output);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigil: {count:N0} records exported"));
            return ExitCodes.Ok;
        }));
        return new Command("audit", "Verify and export the tamper-evident response audit log.") { verify, export };
    }

    private static ResponseAuditLog Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"{path}: no such audit log.");
        }

        try
        {
            return ResponseAuditLog.Open(path, TimeProvider.System);
        }
        catch (AuditLogException ex)
        {
            throw new CliFatalException($"{path}: {ex.Message}", ex);
        }
    }
}
