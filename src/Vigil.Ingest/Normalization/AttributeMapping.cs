namespace Vigil.Ingest.Normalization;

/// <summary>One attribute of the normalized view (a dotted OCSF path such as <c>actor.user.name</c>) and its value spec.</summary>
/// <param name="Path">The attribute path.</param>
/// <param name="Value">How the value is found.</param>
public sealed record AttributeMapping(string Path, ValueSpec Value);
