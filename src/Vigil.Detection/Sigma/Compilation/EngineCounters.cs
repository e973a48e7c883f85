namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Process-wide counters of conditions the matcher met and handled (reported, never silent).</summary>
internal static class EngineCounters
{
    private static long _regexTimeouts;

    /// <summary>Gets the number of regular expression matches abandoned at their timeout (counted as no match).</summary>
    public static long RegexTimeouts => Interlocked.Read(ref _regexTimeouts);

    public static void RegexTimedOut() => Interlocked.Increment(ref _regexTimeouts);
}
