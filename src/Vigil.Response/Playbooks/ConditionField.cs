namespace Vigil.Response.Playbooks;

/// <summary>What a <c>when</c> clause tests.</summary>
internal enum ConditionField
{
    /// <summary><c>confidence</c>: the alert confidence, a number in [0,1].</summary>
    Confidence,

    /// <summary><c>severity</c>: the alert severity.</summary>
    Severity,

    /// <summary><c>asset.criticality</c>: the asset criticality (a clause on it is false when it is unknown).</summary>
    AssetCriticality,
}
