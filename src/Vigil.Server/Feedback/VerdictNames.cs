namespace Vigil.Server.Feedback;

/// <summary>The verdicts an analyst can give an alert or an incident, and how they count.</summary>
internal static class VerdictNames
{
    /// <summary>A real threat: the detection was right and needed action.</summary>
    public const string TruePositive = "true_positive";

    /// <summary>The detection was right but the activity is allowed (an admin doing admin work): not actionable.</summary>
    public const string BenignPositive = "benign_positive";

    /// <summary>A false positive because the detection logic is wrong (too broad, wrong field).</summary>
    public const string FalsePositiveLogic = "false_positive_logic";

    /// <summary>A false positive because the data was bad (a parser, a map or a clock was wrong).</summary>
    public const string FalsePositiveData = "false_positive_data";

    /// <summary>Not decided; counted, but neither in precision nor in the triage model's training.</summary>
    public const string Undetermined = "undetermined";

    /// <summary>The longest comment kept with a verdict, in characters.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Gets every verdict name.</summary>
    public static IReadOnlyList<string> All { get; } = [TruePositive, BenignPositive, FalsePositiveLogic, FalsePositiveData, Undetermined];

    /// <summary>Whether a name is a verdict.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when it is one.</returns>
    public static bool IsVerdict(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>Whether a verdict is one of the two false-positive kinds.</summary>
    /// <param name="name">The verdict.</param>
    /// <returns>True for <see cref="FalsePositiveLogic"/> and <see cref="FalsePositiveData"/>.</returns>
    public static bool IsFalsePositive(string? name) => name is FalsePositiveLogic or FalsePositiveData;
}
