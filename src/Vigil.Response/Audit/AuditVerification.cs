namespace Vigil.Response.Audit;

/// <summary>The result of <see cref="ResponseAuditLog.Verify(string?)"/>.</summary>
/// <param name="Break">Why verification failed; <see cref="AuditBreak.None"/> when the chain is intact.</param>
/// <param name="RecordCount">The records verified before the break (all records when intact).</param>
/// <param name="HeadHash">The hash of the last verified record (<see cref="AuditHashing.Genesis"/> when there is none).</param>
/// <param name="BrokenSeq">The first sequence number at which the chain is broken; null when intact.</param>
/// <param name="Reason">A sentence saying what is wrong; null when intact.</param>
/// <param name="UnverifiableCount">Stored records from the break on (the broken record included), which can no longer be trusted.</param>
internal sealed record AuditVerification(AuditBreak Break, long RecordCount, string HeadHash, long? BrokenSeq, string? Reason, long UnverifiableCount)
{
    /// <summary>Whether the whole chain verified.</summary>
    public bool IsValid => Break == AuditBreak.None;
}
