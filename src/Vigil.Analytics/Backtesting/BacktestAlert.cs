namespace Vigil.Analytics.Backtesting;

/// <summary>An alert raised by a rule or a behavioural model, as the backtest scorer reads it.</summary>
/// <param name="Detector">What raised it: <c>rule:&lt;rule id&gt;</c> or <c>model:&lt;model name&gt;</c>.</param>
/// <param name="Title">The rule title or the model's finding title.</param>
/// <param name="Severity">
/// <c>informational</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c> (Sigma rule levels and model severities;
/// case is ignored). Any other value is an error.
/// </param>
/// <param name="Time">When the alert was raised (the time of the event that completed the detection).</param>
/// <param name="Techniques">ATT&amp;CK technique ids, e.g. <c>T1110.003</c> or <c>T1110</c>; other tags (tactics) are ignored.</param>
/// <param name="Users">The users involved: canonical ids and the names as logged (<c>CORP\jdoe</c>, <c>jdoe@corp.example</c>).</param>
/// <param name="Hosts">The hosts involved: asset names and the names as logged (FQDNs).</param>
/// <param name="Addresses">The IP addresses involved.</param>
public sealed record BacktestAlert(
    string Detector,
    string Title,
    string Severity,
    DateTimeOffset Time,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Addresses);
