namespace Vigil.Server.Feedback;

/// <summary>How often a rule or model was right, by the latest verdict on each of its alerts.</summary>
/// <param name="Detector"><c>rule:&lt;id&gt;</c> or <c>model:&lt;name&gt;</c>.</param>
/// <param name="Kind"><c>rule</c>, <c>model</c> or <c>other</c>.</param>
/// <param name="Alerts">The alerts it raised (any status).</param>
/// <param name="Verdicts">Its alerts with a verdict.</param>
/// <param name="TruePositives">Alerts judged true positive.</param>
/// <param name="BenignPositives">Alerts judged benign positive: correct detections of allowed activity, outside precision.</param>
/// <param name="FalsePositivesLogic">Alerts judged false positive from wrong logic.</param>
/// <param name="FalsePositivesData">Alerts judged false positive from bad data.</param>
/// <param name="FalsePositives">Both false-positive kinds.</param>
/// <param name="Undetermined">Alerts judged undetermined (outside precision).</param>
/// <param name="Precision">TP / (TP + FP), or null when there is neither.</param>
public sealed record DetectorPrecision(
    string Detector, string Kind, int Alerts, int Verdicts, int TruePositives, int BenignPositives, int FalsePositivesLogic, int FalsePositivesData,
    int FalsePositives, int Undetermined, double? Precision);
