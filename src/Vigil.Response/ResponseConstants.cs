namespace Vigil.Response;

/// <summary>Names shared across governed response.</summary>
public static class ResponseConstants
{
    /// <summary>The playbooks folder of a workspace.</summary>
    public const string PlaybooksFolder = "playbooks";

    /// <summary>The decision-rights folder of a workspace.</summary>
    public const string PolicyFolder = "policy";
}
