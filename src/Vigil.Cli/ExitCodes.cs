namespace Vigil.Cli;

/// <summary>
/// The process exit codes of <c>vigil</c> (documented in docs/cli.md).
/// Codes below 8 are flags that combine: <c>Hits | InputErrors</c> (3) means the hunt found hits and some input was
/// unreadable. Codes from 64 up mean the command did not produce a result.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command ran without problems (hunt: no hits; rules check: every rule loaded).</summary>
    public const int Ok = 0;

    /// <summary>Flag: the hunt produced at least one hit.</summary>
    public const int Hits = 1;

    /// <summary>vigil backtest: a target was missed (bit 1, as hits are for hunt).</summary>
    public const int TargetsMissed = 1;

    /// <summary>Flag: an input was missing or unreadable, or records were malformed; the rest was read.</summary>
    public const int InputErrors = 2;

    /// <summary>Flag: some rules did not load or compile; the others ran (or were checked).</summary>
    public const int RuleErrors = 4;

    /// <summary>The command line, or a file named by an option (placeholders, logsources, ATT&amp;CK), is invalid.</summary>
    public const int UsageError = 64;

    /// <summary>The command could not run: no usable rule, an output file could not be written, or an unexpected error.</summary>
    public const int Fatal = 70;

    /// <summary>The command was interrupted (Ctrl+C, SIGTERM).</summary>
    public const int Cancelled = 130;
}
