namespace Vigil.Response.Playbooks;

/// <summary>What governed response needs to know about an alert to pick playbooks and decide on their steps.</summary>
/// <param name="Id">The alert id.</param>
/// <param name="Detector">What fired: <c>rule:&lt;id&gt;</c> or <c>model:&lt;name&gt;</c>.</param>
/// <param name="Severity">The alert severity.</param>
/// <param name="Confidence">The confidence in [0,1].</param>
/// <param name="Techniques">The ATT&amp;CK technique ids (<c>T1110</c>, <c>T1110.003</c>).</param>
/// <param name="Host">The host the alert is about, if any.</param>
/// <param name="User">The user the alert is about, if any.</param>
/// <param name="SrcIp">The source IP address, if any.</param>
/// <param name="AssetCriticality">The criticality of the asset, if known.</param>
/// <param name="AssetTags">The asset tags (<c>clinical</c>, <c>domain-controller</c>, ...).</param>
/// <param name="Time">When the alert was raised.</param>
public sealed record ResponseAlert(
    string Id,
    string Detector,
    ResponseSeverity Severity,
    double Confidence,
    IReadOnlyList<string> Techniques,
    string? Host,
    string? User,
    string? SrcIp,
    AssetCriticality? AssetCriticality,
    IReadOnlyList<string> AssetTags,
    DateTimeOffset Time);
