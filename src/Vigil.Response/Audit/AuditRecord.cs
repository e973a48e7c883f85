namespace Vigil.Response.Audit;

/// <summary>One stored audit record, exactly as it is hashed.</summary>
/// <param name="Seq">The position in the chain, from 1 with no gaps.</param>
/// <param name="TimeMs">When it was appended, in Unix milliseconds (UTC).</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Actor">Who did it (a user, or <c>system</c>).</param>
/// <param name="Subject">What it concerns (an action id, an incident id...).</param>
/// <param name="Body">The details as canonical JSON (see <see cref="AuditHashing.CanonicalJson"/>).</param>
/// <param name="PrevHash">The hash of the previous record, or <see cref="AuditHashing.Genesis"/> for the first.</param>
/// <param name="Hash">The SHA-256 of this record (see <see cref="AuditHashing.ComputeHash"/>), lowercase hex.</param>
internal sealed record AuditRecord(long Seq, long TimeMs, AuditKind Kind, string Actor, string Subject, string Body, string PrevHash, string Hash)
{
    /// <summary>When it was appended.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
}
