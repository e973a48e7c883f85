using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>The decision rights read from a file, or null when the file has errors, and every problem found.</summary>
/// <param name="Policy">The policy, or null when any error was found (a half-read policy is never used).</param>
/// <param name="Errors">Every problem found.</param>
internal sealed record DecisionRightsResult(DecisionPolicy? Policy, IReadOnlyList<ResponseError> Errors);
