namespace Vigil.Cli.Rules;

/// <summary>The names <c>vigil rules check</c> writes for each <see cref="RuleCheckState"/>.</summary>
internal static class RuleCheckStates
{
    public const string Loaded = "loaded";

    public const string Failed = "failed";

    public const string UnknownLogsource = "unknown-logsource";

    public const string NotSelected = "not-selected";

    /// <summary>Returns the name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string NameOf(RuleCheckState state) => state switch
    {
        RuleCheckState.Loaded => Loaded,
        RuleCheckState.UnknownLogsource => UnknownLogsource,
        RuleCheckState.NotSelected => NotSelected,
        _ => Failed,
    };
}
