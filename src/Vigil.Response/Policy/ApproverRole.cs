namespace Vigil.Response.Policy;

/// <summary>The least role that may approve an action.</summary>
public enum ApproverRole
{
    /// <summary><c>analyst</c>.</summary>
    Analyst,

    /// <summary><c>approver</c>.</summary>
    Approver,

    /// <summary><c>admin</c>.</summary>
    Admin,
}
