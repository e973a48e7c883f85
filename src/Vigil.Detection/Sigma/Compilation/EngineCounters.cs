namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Process-wide counters of conditions the matcher met and handled (reported, never silent).</summary>
internal static class EngineCounters
{
    private static long _regexTimeouts;

    /// <summary>Gets the number of regular expression matches abandoned at their timeout (counted as no match).</summary>
    public static long RegexTimeouts => Interlocked.Read(ref _regexTimeouts);

    public static void RegexTimedOut() => Interlocked.Increment(ref _regexTimeouts);

    private static long _regexFallbacks;

    /// <summary>Gets the number of regexes that the NonBacktracking engine refused at first use and that run with a timeout instead.</summary>
    public static long RegexFallbacks => Interlocked.Read(ref _regexFallbacks);

    public static void RegexFellBack() => Interlocked.Increment(ref _regexFallbacks);
}
