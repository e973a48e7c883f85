namespace Vigil.Server.Feedback;

/// <summary>A threat analysts found that no detector alerted on.</summary>
/// <param name="Id">The report id.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="Time">When it was reported.</param>
/// <param name="From">The start of the time range the threat happened in, or null.</param>
/// <param name="To">The end of that range (exclusive), or null.</param>
/// <param name="Events">References to the events that show it (free-form, for example <c>source:line</c>); may be empty.</param>
/// <param name="Techniques">The ATT&amp;CK technique ids it used; may be empty.</param>
/// <param name="Comment">The analyst's comment, or null.</param>
public sealed record MissedReportView(
    long Id, string Actor, DateTimeOffset Time, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string> Events, IReadOnlyList<string> Techniques,
    string? Comment);
