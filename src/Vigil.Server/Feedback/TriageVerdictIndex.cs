namespace Vigil.Server.Feedback;

/// <summary>
/// The latest labelled verdicts (not undetermined) by detector and alert time, to answer "how many verdicts, and how many
/// false positives, did this detector's earlier alerts get" in logarithmic time. Immutable once built; training and scoring
/// use the same one so the feature means the same in both.
/// </summary>
internal sealed class TriageVerdictIndex
{
    private readonly Dictionary<string, (long[] Times, int[] FalsePositivesUpTo)> _byDetector;

    /// <summary>Initializes a new instance of the <see cref="TriageVerdictIndex"/> class.</summary>
    /// <param name="version">The highest verdict id it covers (to tell when it is stale).</param>
    /// <param name="verdicts">Each labelled alert's detector, alert time and whether its latest verdict is a false positive.</param>
    public TriageVerdictIndex(long version, IEnumerable<(string Detector, long TimeMs, bool FalsePositive)> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        Version = version;
        _byDetector = new Dictionary<string, (long[], int[])>(StringComparer.Ordinal);
        foreach (var group in verdicts.GroupBy(v => v.Detector, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(v => v.TimeMs).ToArray();
            var times = new long[ordered.Length];
            var falsePositives = new int[ordered.Length];
            var running = 0;
            for (var i = 0; i < ordered.Length; i++)
            {
                times[i] = ordered[i].TimeMs;
                running += ordered[i].FalsePositive ? 1 : 0;
                falsePositives[i] = running;
            }

            _byDetector[group.Key] = (times, falsePositives);
        }
    }

    /// <summary>Gets the highest verdict id the index covers.</summary>
    public long Version { get; }

    /// <summary>Counts the verdicts and false positives on a detector's alerts strictly before a time.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="timeMs">The alert time, Unix milliseconds.</param>
    /// <returns>The counts.</returns>
    public (int Verdicts, int FalsePositives) Before(string detector, long timeMs)
    {
        if (!_byDetector.TryGetValue(detector, out var entry))
        {
            return (0, 0);
        }

        // The number of times < timeMs: the first index whose time is >= timeMs.
        int low = 0, high = entry.Times.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (entry.Times[middle] < timeMs)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == 0 ? (0, 0) : (low, entry.FalsePositivesUpTo[low - 1]);
    }
}
