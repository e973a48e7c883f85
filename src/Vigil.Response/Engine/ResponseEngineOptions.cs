using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>How the response engine behaves where the policy says nothing.</summary>
internal sealed class ResponseEngineOptions
{
    /// <summary>The actor written on records the engine makes by itself.</summary>
    /// <value>Defaults to <c>vigil</c>.</value>
    public string Actor { get; init; } = "vigil";

    /// <summary>While the kill switch is engaged, the least role that may approve an action that would have run by itself.</summary>
    /// <value>Defaults to <see cref="ApproverRole.Approver"/>.</value>
    public ApproverRole PausedApprovalRole { get; init; } = ApproverRole.Approver;

    /// <summary>While the kill switch is engaged, how long such an approval stays open.</summary>
    /// <value>Defaults to 1 h.</value>
    public TimeSpan PausedApprovalExpiry { get; init; } = TimeSpan.FromHours(1);
}
