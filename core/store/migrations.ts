/**
 * The schema, one migration per version; `PRAGMA user_version` says which have run. Append only: a shipped
 * migration is never edited, a change is a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: entries, events, streams, findings and the state saved with each batch.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  -- Every message here is redacted: the scanner runs before anything is written.
  CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    identity INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    time TEXT NOT NULL,
    instance TEXT NOT NULL,
    provider TEXT NOT NULL,
    region TEXT NOT NULL,
    level TEXT NOT NULL,
    message TEXT NOT NULL,
    http TEXT,
    format TEXT NOT NULL,
    unparsed INTEGER NOT NULL,
    flagged INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX entries_identity ON entries(identity);
  CREATE INDEX entries_time ON entries(time_ms);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    time TEXT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    instance TEXT NOT NULL,
    connection_id TEXT,
    key_fp TEXT,
    key_display TEXT,
    test INTEGER NOT NULL,
    summary TEXT NOT NULL,
    data TEXT NOT NULL,
    entry_id INTEGER NOT NULL
  );
  CREATE INDEX events_time ON events(time_ms);
  CREATE INDEX events_type_time ON events(type, time_ms);
  CREATE INDEX events_connection ON events(connection_id) WHERE connection_id IS NOT NULL;
  CREATE INDEX events_key ON events(key_fp) WHERE key_fp IS NOT NULL;

  -- One row per stream, updated as its later lines arrive: the per-stream latency samples, indexed by the
  -- time of the line that carried them, so percentiles stay exact without scanning entries.
  CREATE TABLE streams (
    id INTEGER PRIMARY KEY,
    connection_id TEXT NOT NULL,
    instance TEXT NOT NULL,
    open_ms INTEGER,
    reconnect INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    fail_ms INTEGER,
    close_ms INTEGER,
    close_via TEXT,
    first_token_ms REAL,
    first_token_at INTEGER,
    first_token_from_audit INTEGER NOT NULL,
    duration_ms REAL,
    tokens INTEGER,
    inter_token_ms REAL,
    query_hash_ok INTEGER,
    test INTEGER NOT NULL,
    key_fp TEXT,
    open_event_id INTEGER
  );
  CREATE INDEX streams_open ON streams(open_ms);
  CREATE INDEX streams_close ON streams(close_ms);
  CREATE INDEX streams_first_token ON streams(first_token_at) WHERE first_token_at IS NOT NULL;
  CREATE INDEX streams_connection ON streams(connection_id);
  CREATE INDEX streams_unclosed ON streams(open_ms) WHERE close_ms IS NULL AND failed = 0;

  -- Keyed hashes of every connection id ever seen: the reconnect rule outlives retention and erasure.
  CREATE TABLE seen_connections (mac TEXT PRIMARY KEY) WITHOUT ROWID;

  CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    time TEXT NOT NULL,
    instance TEXT NOT NULL,
    provider TEXT NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    length INTEGER NOT NULL,
    preview TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    template TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
  );
  CREATE INDEX findings_time ON findings(time_ms);
  CREATE INDEX findings_entry ON findings(entry_id);
  CREATE INDEX findings_fingerprint ON findings(fingerprint);

  CREATE TABLE finding_history (
    id INTEGER PRIMARY KEY,
    finding_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX finding_history_finding ON finding_history(finding_id);

  -- HMACs of queryHash values: of audit lines, and of the hashes of queries that leaked in clear. A match is a
  -- linkable pseudonym; the bare 16-hex hashes are never kept.
  CREATE TABLE query_hash_macs (
    mac TEXT NOT NULL,
    kind TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    PRIMARY KEY (mac, kind, entry_id)
  ) WITHOUT ROWID;

  CREATE TABLE gaps (
    id INTEGER PRIMARY KEY,
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL,
    reason TEXT NOT NULL
  );
  `,
];
