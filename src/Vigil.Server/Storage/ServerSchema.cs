namespace Vigil.Server.Storage;

/// <summary>The server tables (version 1). Times are Unix milliseconds.</summary>
internal static class ServerSchema
{
    /// <summary>Creates every server table and records the version.</summary>
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS journal (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, received_ms INTEGER NOT NULL, source TEXT NOT NULL, format TEXT NOT NULL,
          idempotency_key TEXT UNIQUE, events INTEGER NOT NULL, payload BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS alert_state (
          alert_id TEXT PRIMARY KEY, received_ms INTEGER NOT NULL, stored_ms INTEGER NOT NULL, status TEXT NOT NULL,
          confidence REAL NOT NULL, confidence_source TEXT NOT NULL, rule_confidence REAL NOT NULL, triage_score REAL,
          incident_id TEXT, tactics TEXT NOT NULL, entities TEXT NOT NULL, suppressed_by TEXT, throttle_key TEXT NOT NULL, time_ms INTEGER NOT NULL, thehive TEXT, repeats INTEGER NOT NULL DEFAULT 0, last_ms INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS alert_state_incident ON alert_state (incident_id);
        CREATE INDEX IF NOT EXISTS alert_state_throttle ON alert_state (throttle_key, time_ms);
        CREATE TABLE IF NOT EXISTS incidents (
          id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL, opened_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
          first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, severity INTEGER NOT NULL, points REAL NOT NULL, risk REAL NOT NULL,
          entities TEXT NOT NULL, tactics TEXT NOT NULL, techniques TEXT NOT NULL, alert_count INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS incidents_last ON incidents (last_ms);
        CREATE TABLE IF NOT EXISTS incident_entities (incident_id TEXT NOT NULL, entity TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (incident_id, entity));
        CREATE INDEX IF NOT EXISTS incident_entities_entity ON incident_entities (entity);
        CREATE TABLE IF NOT EXISTS entity_risk (
          entity TEXT PRIMARY KEY COLLATE NOCASE, kind TEXT NOT NULL, points REAL NOT NULL, tactics TEXT NOT NULL,
          criticality TEXT, risk REAL NOT NULL, alert_count INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS verdicts (
          id INTEGER PRIMARY KEY AUTOINCREMENT, target_kind TEXT NOT NULL, target_id TEXT NOT NULL, verdict TEXT NOT NULL,
          comment TEXT, actor TEXT NOT NULL, time_ms INTEGER NOT NULL, incident_id TEXT);
        CREATE INDEX IF NOT EXISTS verdicts_target ON verdicts (target_kind, target_id);
        CREATE INDEX IF NOT EXISTS alerts_detector_time ON alerts (detector, time_ms);
        CREATE TABLE IF NOT EXISTS missed_reports (
          id INTEGER PRIMARY KEY AUTOINCREMENT, actor TEXT NOT NULL, time_ms INTEGER NOT NULL, from_ms INTEGER, to_ms INTEGER,
          events TEXT NOT NULL, techniques TEXT NOT NULL, comment TEXT);
        CREATE TABLE IF NOT EXISTS suppressions (
          id TEXT PRIMARY KEY, detector TEXT NOT NULL, entity TEXT, reason TEXT NOT NULL, status TEXT NOT NULL,
          created_by TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, preview TEXT NOT NULL,
          decided_by TEXT, decided_ms INTEGER, evidence INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS triage_models (
          version INTEGER PRIMARY KEY AUTOINCREMENT, trained_ms INTEGER NOT NULL, examples INTEGER NOT NULL, holdout INTEGER NOT NULL,
          score REAL NOT NULL, current_score REAL, promoted INTEGER NOT NULL, active INTEGER NOT NULL, model BLOB NOT NULL,
          current_version INTEGER, metrics TEXT, trained_by TEXT);
        CREATE TABLE IF NOT EXISTS api_keys (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_ms INTEGER NOT NULL,
          created_by TEXT NOT NULL, revoked_ms INTEGER, last_used_ms INTEGER);
        CREATE TABLE IF NOT EXISTS audit (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
          target TEXT NOT NULL, before TEXT, after TEXT);
        INSERT OR REPLACE INTO vigil_meta VALUES ('server_schema', '1');
        """;
}
