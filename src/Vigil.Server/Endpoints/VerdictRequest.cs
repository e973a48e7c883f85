namespace Vigil.Server.Endpoints;

/// <summary>A verdict on an alert or incident.</summary>
/// <param name="Verdict">true_positive, benign_positive, false_positive_logic, false_positive_data or undetermined.</param>
/// <param name="Comment">Why, up to 2,000 characters; optional.</param>
public sealed record VerdictRequest(string? Verdict, string? Comment);
