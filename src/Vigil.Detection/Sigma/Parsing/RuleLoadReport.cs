namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The outcome of loading rule files: the rules that loaded and the reasons the others did not.</summary>
public sealed class RuleLoadReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="rules">The loaded rules.</param>
    /// <param name="failures">The documents that did not load.</param>
    /// <param name="fileCount">The number of files read.</param>
    public RuleLoadReport(IReadOnlyList<SigmaRule> rules, IReadOnlyList<RuleLoadFailure> failures, int fileCount)
    {
        Rules = rules;
        Failures = failures;
        FileCount = fileCount;
    }

    /// <summary>Gets the loaded rules, in file order.</summary>
    public IReadOnlyList<SigmaRule> Rules { get; }

    /// <summary>Gets the documents that did not load.</summary>
    public IReadOnlyList<RuleLoadFailure> Failures { get; }

    /// <summary>Gets the number of rule files read.</summary>
    public int FileCount { get; }
}
