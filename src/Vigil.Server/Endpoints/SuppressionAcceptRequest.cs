namespace Vigil.Server.Endpoints;

/// <summary>How long an accepted suppression applies.</summary>
/// <param name="ExpiryDays">Days from now, 1 to 365; 30 when omitted.</param>
public sealed record SuppressionAcceptRequest(int? ExpiryDays);
