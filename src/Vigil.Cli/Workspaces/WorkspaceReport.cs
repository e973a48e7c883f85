namespace Vigil.Cli.Workspaces;

/// <summary>What <c>vigil validate</c> found.</summary>
/// <param name="Problems">Each problem, with its file, line and column.</param>
/// <param name="Summary">What was checked, a line per part.</param>
internal sealed record WorkspaceReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Summary);
