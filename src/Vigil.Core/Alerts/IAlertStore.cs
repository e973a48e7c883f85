namespace Vigil.Core.Alerts;

/// <summary>Where alerts are kept. Writes are durable when they return; storing an alert id again changes nothing.</summary>
public interface IAlertStore
{
    /// <summary>Stores alerts in one transaction; returns how many were new (the rest were already stored).</summary>
    /// <param name="alerts">The alerts.</param>
    /// <returns>The number newly stored.</returns>
    int Append(IReadOnlyCollection<StoredAlert> alerts);

    /// <summary>Returns stored alerts, newest event time first.</summary>
    /// <param name="query">Which alerts.</param>
    /// <returns>The alerts.</returns>
    IReadOnlyList<StoredAlert> Query(AlertQuery query);

    /// <summary>Records that an ingest batch was processed; returns false when that key was already recorded (a retry).</summary>
    /// <param name="batchKey">The batch's idempotency key.</param>
    /// <returns>Whether the key is new.</returns>
    bool TryRecordBatch(string batchKey);
}
