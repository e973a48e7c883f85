namespace Vigil.Response.Playbooks;

/// <summary>How critical an asset is to the business, in increasing order.</summary>
public enum AssetCriticality
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
