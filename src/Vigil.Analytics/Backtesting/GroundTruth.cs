namespace Vigil.Analytics.Backtesting;

/// <summary>
/// The ground truth of a simulated data set (<c>vigil-truth/1</c>, written by <c>vigil simulate</c>): which attacks and
/// benign traps happened, when, and to whom. See docs/backtest.md for the schema.
/// </summary>
/// <param name="Seed">The simulator seed.</param>
/// <param name="Start">The start of the simulated period.</param>
/// <param name="End">The end of the simulated period.</param>
/// <param name="Days">The length of the period in days (false alerts per day divide by it).</param>
/// <param name="Users">The number of simulated users (false alerts per 1,000 users per day divide by it).</param>
/// <param name="LearningDays">The days at the start during which behavioural models learn their baselines.</param>
/// <param name="Scenarios">The scenarios.</param>
public sealed record GroundTruth(
    long Seed,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Days,
    int Users,
    int LearningDays,
    IReadOnlyList<GroundTruthScenario> Scenarios)
{
    /// <summary>The format tag every ground-truth file carries in its <c>format</c> field.</summary>
    public const string Format = BacktestConstants.TruthFormat;

    /// <summary>The largest ground-truth file read, in bytes (64 MiB).</summary>
    public const long MaxBytes = BacktestConstants.MaxTruthBytes;

    /// <summary>Reads and validates a ground-truth file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The ground truth.</returns>
    /// <exception cref="GroundTruthException">
    /// The file cannot be read, is not JSON, or is not a valid <c>vigil-truth/1</c> document; the message names the file,
    /// the scenario (index and id) and the field.
    /// </exception>
    public static GroundTruth Load(string path) => GroundTruthReader.Load(path);

    /// <summary>Reads and validates a ground-truth document from a stream (UTF-8).</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="source">The name errors use for the document (a file name).</param>
    /// <returns>The ground truth.</returns>
    /// <exception cref="GroundTruthException">The document is not valid; the message names the problem.</exception>
    public static GroundTruth Parse(Stream stream, string source) => GroundTruthReader.Parse(stream, source);

    /// <summary>Reads and validates a ground-truth document from a string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name errors use for the document (a file name).</param>
    /// <returns>The ground truth.</returns>
    /// <exception cref="GroundTruthException">The document is not valid; the message names the problem.</exception>
    public static GroundTruth Parse(string json, string source) => GroundTruthReader.Parse(json, source);
}
