namespace Vigil.Server.Endpoints;

/// <summary>A threat no detector alerted on: event references, a time range, or both.</summary>
/// <param name="Events">Up to 1,000 event references (free-form, for example <c>source:line</c>), each up to 500 characters.</param>
/// <param name="From">The start of the time range (with <paramref name="To"/>).</param>
/// <param name="To">The end of the time range, after <paramref name="From"/>.</param>
/// <param name="Techniques">Up to 50 ATT&amp;CK technique ids (<c>T1078</c>, <c>T1059.001</c>); optional.</param>
/// <param name="Comment">Up to 2,000 characters; optional.</param>
public sealed record MissedReportRequest(
    IReadOnlyList<string>? Events, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? Techniques, string? Comment);
