namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Thrown when a ground-truth file cannot be used: it cannot be read, is not JSON, or breaks the <c>vigil-truth/1</c> schema.
/// The message names the file, the scenario (index and id, when the problem is in one) and the field.
/// </summary>
public sealed class GroundTruthException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or other source name) of the ground truth.</param>
    /// <param name="scenarioIndex">The 0-based index of the scenario in <c>scenarios</c>, or null.</param>
    /// <param name="scenarioId">The id of that scenario, or null when it is not known.</param>
    /// <param name="field">The field (<c>start</c>, <c>techniques[1]</c>), or null.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public GroundTruthException(string file, int? scenarioIndex, string? scenarioId, string? field, string reason, Exception? innerException = null)
        : base(Describe(file, scenarioIndex, scenarioId, field, reason), innerException)
    {
        File = file;
        ScenarioIndex = scenarioIndex;
        ScenarioId = scenarioId;
        Field = field;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public GroundTruthException()
        : this("ground truth", null, null, null, "invalid ground truth")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public GroundTruthException(string message)
        : this("ground truth", null, null, null, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public GroundTruthException(string message, Exception innerException)
        : this("ground truth", null, null, null, message, innerException)
    {
    }

    /// <summary>Gets the file (or other source name) of the ground truth.</summary>
    public string File { get; }

    /// <summary>Gets the 0-based index of the scenario the problem is in, or null.</summary>
    public int? ScenarioIndex { get; }

    /// <summary>Gets the id of the scenario the problem is in, or null.</summary>
    public string? ScenarioId { get; }

    /// <summary>Gets the field, or null.</summary>
    public string? Field { get; }

    /// <summary>Gets what is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Describe(string file, int? scenarioIndex, string? scenarioId, string? field, string reason)
    {
        var where = file;
        if (scenarioIndex is { } index)
        {
            where += scenarioId is null ? $": scenarios[{index}]" : $": scenarios[{index}] (id \"{scenarioId}\")";
        }

        if (field is not null)
        {
            where += $": {field}";
        }

        return $"{where}: {reason}";
    }
}
