namespace Vigil.Server.Endpoints;

/// <summary>A request for a new API key.</summary>
/// <param name="Name">What or who will use it.</param>
/// <param name="Role">ingest, viewer, analyst, approver or admin.</param>
public sealed record NewApiKey(string? Name, string? Role);
