namespace Vigil.Simulation.Organization;

/// <summary>How a person appears in CloudTrail: an SSO session of a role (engineers) or an IAM user (administrators).</summary>
/// <param name="Type">The <c>userIdentity.type</c>: <c>AssumedRole</c> or <c>IAMUser</c>.</param>
/// <param name="UserName">The IAM user name (IAM users), else null.</param>
/// <param name="PrincipalId">The principal id (<c>AROA...:jdoe@corp.example</c> for a role session).</param>
/// <param name="Arn">The ARN.</param>
/// <param name="Role">The role name (role sessions), else null.</param>
/// <param name="SessionName">The role session name (role sessions), else null.</param>
internal sealed record CloudIdentity(string Type, string? UserName, string PrincipalId, string Arn, string? Role, string? SessionName)
{
    /// <summary>The AWS account id of the organisation.</summary>
    public const string AccountId = "123456789012";
}
