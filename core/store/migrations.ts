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
  // 2: per-minute counts kept at ingest (the report reads minutes, not a million entries), and covering indexes
  // for the streams' time columns (the report reads their samples without visiting the rows).
  `
  -- kind: 'entries', 'event:<type>', 'proxy:<code>', 'flagged', 'rule:<rule>',
  -- 'source:<rule><TAB><instance><TAB><template>' (entries per leak source), 'open:<severity>' (findings still
  -- open). Entries with findings count once per rule. minute = time_ms / 60000. Inserts add per batch
  -- (StoreWriter); deletes and reviews change them by trigger, so retention, erasure and review keep them true.
  CREATE TABLE minute_counts (
    kind TEXT NOT NULL,
    minute INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, minute)
  ) WITHOUT ROWID;

  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'entries', time_ms / 60000, count(*) FROM entries GROUP BY 2;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'event:' || type, time_ms / 60000, count(*) FROM events GROUP BY 1, 2;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'proxy:' || coalesce(json_extract(data, '$.code'), 'unknown'), time_ms / 60000, count(*) FROM events
    WHERE type = 'platform.proxy-error' GROUP BY 1, 2;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'flagged', m, count(*) FROM (SELECT DISTINCT entry_id, time_ms / 60000 AS m FROM findings) GROUP BY m;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'rule:' || rule, m, count(*) FROM (SELECT DISTINCT entry_id, rule, time_ms / 60000 AS m FROM findings) GROUP BY 1, 2;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'source:' || rule || char(9) || instance || char(9) || template, m, count(*)
    FROM (SELECT DISTINCT entry_id, rule, instance, template, time_ms / 60000 AS m FROM findings) GROUP BY 1, 2;
  INSERT INTO minute_counts (kind, minute, n)
    SELECT 'open:' || severity, time_ms / 60000, count(*) FROM findings WHERE status = 'open' GROUP BY 1, 2;

  CREATE TRIGGER entries_minute_counts AFTER DELETE ON entries BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'entries' AND minute = OLD.time_ms / 60000;
  END;
  CREATE TRIGGER events_minute_counts AFTER DELETE ON events BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'event:' || OLD.type AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE OLD.type = 'platform.proxy-error' AND kind = 'proxy:' || coalesce(json_extract(OLD.data, '$.code'), 'unknown')
        AND minute = OLD.time_ms / 60000;
  END;
  -- A finding counts once per entry and rule: only the last one of its entry and rule takes the counts down.
  CREATE TRIGGER findings_minute_counts AFTER DELETE ON findings
  WHEN NOT EXISTS (SELECT 1 FROM findings WHERE entry_id = OLD.entry_id AND rule = OLD.rule)
  BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'rule:' || OLD.rule AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'source:' || OLD.rule || char(9) || OLD.instance || char(9) || OLD.template AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'flagged' AND minute = OLD.time_ms / 60000 AND NOT EXISTS (SELECT 1 FROM findings WHERE entry_id = OLD.entry_id);
  END;
  CREATE TRIGGER findings_open_deleted AFTER DELETE ON findings WHEN OLD.status = 'open' BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'open:' || OLD.severity AND minute = OLD.time_ms / 60000;
  END;
  -- A review that closes or reopens a finding moves it out of or into the open counts.
  CREATE TRIGGER findings_open_reviewed AFTER UPDATE OF status ON findings WHEN (OLD.status = 'open') <> (NEW.status = 'open') BEGIN
    INSERT INTO minute_counts (kind, minute, n) VALUES ('open:' || NEW.severity, NEW.time_ms / 60000, iif(NEW.status = 'open', 1, -1))
      ON CONFLICT(kind, minute) DO UPDATE SET n = n + excluded.n;
  END;

  -- Same count of indexes as before, so a stream's save costs what it did; each now answers its query alone.
  DROP INDEX streams_open;
  CREATE INDEX streams_open ON streams(open_ms, failed, reconnect, close_ms, query_hash_ok);
  DROP INDEX streams_close;
  CREATE INDEX streams_close ON streams(close_ms, duration_ms, inter_token_ms);
  DROP INDEX streams_first_token;
  CREATE INDEX streams_first_token ON streams(first_token_at, first_token_ms) WHERE first_token_at IS NOT NULL;
  `,
  // 3: a write path that stays near the speed of a bare import (issue 2's bar). The identity index led with a
  // random hash, so each batch dirtied pages all over it; leading with the time keeps inserts at its right edge,
  // and the same index answers time ranges. A finding's template (the line's shape, up to a few hundred bytes)
  // is stored once and referenced; `findings` stays, as a view, for every reader. Fingerprints have no index:
  // erasure and subject access scan, which is rare and exact. Connection ids seen are looked up in memory.
  `
  DROP INDEX entries_identity;
  DROP INDEX entries_time;
  CREATE UNIQUE INDEX entries_time_identity ON entries(time_ms, identity);

  -- An event's text is its entry's message, read through the view: no copy to write, and a redaction made
  -- later (a queryHash found reversible after its line was stored) reaches the event's text too.
  CREATE TABLE stored_events (
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
    data TEXT NOT NULL,
    entry_id INTEGER NOT NULL
  );
  INSERT INTO stored_events
    SELECT id, time_ms, time, type, level, instance, connection_id, key_fp, key_display, test, data, entry_id FROM events;
  DROP TABLE events;
  CREATE INDEX stored_events_time ON stored_events(time_ms);
  CREATE INDEX stored_events_type_time ON stored_events(type, time_ms);
  CREATE INDEX stored_events_connection ON stored_events(connection_id) WHERE connection_id IS NOT NULL;
  CREATE INDEX stored_events_key ON stored_events(key_fp) WHERE key_fp IS NOT NULL;
  CREATE VIEW events AS
    SELECT e.id, e.time_ms, e.time, e.type, e.level, e.instance, e.connection_id, e.key_fp, e.key_display, e.test,
      coalesce(en.message, '') AS message, e.data, e.entry_id
    FROM stored_events e LEFT JOIN entries en ON en.id = e.entry_id;
  CREATE TRIGGER events_minute_counts AFTER DELETE ON stored_events BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'event:' || OLD.type AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE OLD.type = 'platform.proxy-error' AND kind = 'proxy:' || coalesce(json_extract(OLD.data, '$.code'), 'unknown')
        AND minute = OLD.time_ms / 60000;
  END;

  CREATE TABLE finding_templates (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
  CREATE TABLE stored_findings (
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
    template_id INTEGER NOT NULL REFERENCES finding_templates(id),
    status TEXT NOT NULL DEFAULT 'open'
  );
  INSERT INTO finding_templates (text) SELECT DISTINCT template FROM findings;
  INSERT INTO stored_findings
    SELECT f.id, f.entry_id, f.time_ms, f.time, f.instance, f.provider, f.rule, f.severity, f.source, f.field, f.start, f.end,
      f.length, f.preview, f.fingerprint, t.id, f.status
    FROM findings f JOIN finding_templates t ON t.text = f.template;
  DROP TABLE findings;
  CREATE INDEX stored_findings_time ON stored_findings(time_ms);
  CREATE INDEX stored_findings_entry ON stored_findings(entry_id, rule);
  -- The first finding of each high fingerprint: "is this leaked value new?" (alerts) without an index that every
  -- finding's insert would touch at a random place. A handful of rows: test traffic repeats its values.
  CREATE TABLE high_fingerprints (fingerprint TEXT PRIMARY KEY, first_finding_id INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO high_fingerprints SELECT fingerprint, min(id) FROM stored_findings WHERE severity = 'high' GROUP BY fingerprint;

  -- The reconnect rule's memory, appended in time order and read whole into memory (SeenConnections): 64 bits of
  -- each keyed hash are plenty to tell a store's connections apart.
  CREATE TABLE connection_macs (mac TEXT NOT NULL);
  INSERT INTO connection_macs (mac) SELECT substr(mac, 1, 16) FROM seen_connections;
  DROP TABLE seen_connections;

  CREATE VIEW findings AS
    SELECT f.id, f.entry_id, f.time_ms, f.time, f.instance, f.provider, f.rule, f.severity, f.source, f.field, f.start, f.end,
      f.length, f.preview, f.fingerprint, t.text AS template, f.status
    FROM stored_findings f JOIN finding_templates t ON t.id = f.template_id;

  CREATE TRIGGER findings_minute_counts AFTER DELETE ON stored_findings
  WHEN NOT EXISTS (SELECT 1 FROM stored_findings WHERE entry_id = OLD.entry_id AND rule = OLD.rule)
  BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'rule:' || OLD.rule AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'source:' || OLD.rule || char(9) || OLD.instance || char(9) || (SELECT text FROM finding_templates WHERE id = OLD.template_id)
        AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'flagged' AND minute = OLD.time_ms / 60000 AND NOT EXISTS (SELECT 1 FROM stored_findings WHERE entry_id = OLD.entry_id);
  END;
  CREATE TRIGGER findings_open_deleted AFTER DELETE ON stored_findings WHEN OLD.status = 'open' BEGIN
    UPDATE minute_counts SET n = n - 1 WHERE kind = 'open:' || OLD.severity AND minute = OLD.time_ms / 60000;
  END;
  CREATE TRIGGER findings_open_reviewed AFTER UPDATE OF status ON stored_findings WHEN (OLD.status = 'open') <> (NEW.status = 'open') BEGIN
    INSERT INTO minute_counts (kind, minute, n) VALUES ('open:' || NEW.severity, NEW.time_ms / 60000, iif(NEW.status = 'open', 1, -1))
      ON CONFLICT(kind, minute) DO UPDATE SET n = n + excluded.n;
  END;
  `,
  // 4: a finding's kind (rule, severity, source, field and template: a few dozen combinations in a store) is
  // stored once and referenced, and the entry index no longer repeats the rule. Scanning writes about one finding
  // per entry on real traffic; each finding's row and index entries are most of what scanning costs the writer.
  `
  CREATE TABLE finding_kinds (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    field TEXT NOT NULL,
    template_id INTEGER NOT NULL REFERENCES finding_templates(id),
    UNIQUE (rule, source, field, template_id)
  );
  INSERT INTO finding_kinds (rule, severity, source, field, template_id)
    SELECT DISTINCT rule, severity, source, field, template_id FROM stored_findings;
  CREATE TABLE findings_of_kinds (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    time TEXT NOT NULL,
    instance TEXT NOT NULL,
    provider TEXT NOT NULL,
    kind_id INTEGER NOT NULL REFERENCES finding_kinds(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    length INTEGER NOT NULL,
    preview TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
  );
  INSERT INTO findings_of_kinds
    SELECT f.id, f.entry_id, f.time_ms, f.time, f.instance, f.provider, k.id, f.start, f.end, f.length, f.preview, f.fingerprint, f.status
    FROM stored_findings f
    JOIN finding_kinds k ON k.rule = f.rule AND k.source = f.source AND k.field = f.field AND k.template_id = f.template_id;
  DROP VIEW findings;
  DROP TABLE stored_findings;
  ALTER TABLE findings_of_kinds RENAME TO stored_findings;
  CREATE INDEX stored_findings_time ON stored_findings(time_ms);
  CREATE INDEX stored_findings_entry ON stored_findings(entry_id);

  CREATE VIEW findings AS
    SELECT f.id, f.entry_id, f.time_ms, f.time, f.instance, f.provider, k.rule, k.severity, k.source, k.field, f.start, f.end,
      f.length, f.preview, f.fingerprint, t.text AS template, f.status
    FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id JOIN finding_templates t ON t.id = k.template_id;

  CREATE TRIGGER findings_minute_counts AFTER DELETE ON stored_findings
  WHEN NOT EXISTS (
    SELECT 1 FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id
    WHERE f.entry_id = OLD.entry_id AND k.rule = (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id)
  )
  BEGIN
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'rule:' || (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id) AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = (
          SELECT 'source:' || k.rule || char(9) || OLD.instance || char(9) || t.text
          FROM finding_kinds k JOIN finding_templates t ON t.id = k.template_id WHERE k.id = OLD.kind_id
        )
        AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'flagged' AND minute = OLD.time_ms / 60000 AND NOT EXISTS (SELECT 1 FROM stored_findings WHERE entry_id = OLD.entry_id);
  END;
  CREATE TRIGGER findings_open_deleted AFTER DELETE ON stored_findings WHEN OLD.status = 'open' BEGIN
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'open:' || (SELECT severity FROM finding_kinds WHERE id = OLD.kind_id) AND minute = OLD.time_ms / 60000;
  END;
  CREATE TRIGGER findings_open_reviewed AFTER UPDATE OF status ON stored_findings WHEN (OLD.status = 'open') <> (NEW.status = 'open') BEGIN
    INSERT INTO minute_counts (kind, minute, n)
      VALUES ('open:' || (SELECT severity FROM finding_kinds WHERE id = NEW.kind_id), NEW.time_ms / 60000, iif(NEW.status = 'open', 1, -1))
      ON CONFLICT(kind, minute) DO UPDATE SET n = n + excluded.n;
  END;
  `,
  // 5: a finding's value (fingerprint, masked preview, length: one per distinct leaked value) is stored once and
  // referenced, and the entry's time, instance and provider are read from the entry while it is stored. The
  // finding row shrinks from about 150 bytes to about 35; its writes, with their WAL and checkpoint copies, were
  // most of what scanning cost the writer. A finding outlives its entry (retention keeps the masked finding), so
  // deleting an entry first copies those three columns into its findings.
  `
  CREATE TABLE finding_values (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    preview TEXT NOT NULL,
    length INTEGER NOT NULL
  );
  INSERT INTO finding_values (fingerprint, preview, length)
    SELECT fingerprint, min(preview), min(length) FROM stored_findings GROUP BY fingerprint;
  CREATE TABLE findings_of_values (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    kind_id INTEGER NOT NULL REFERENCES finding_kinds(id),
    value_id INTEGER NOT NULL REFERENCES finding_values(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    -- NULL while the entry is stored; its own once the entry is deleted.
    time TEXT,
    instance TEXT,
    provider TEXT
  );
  INSERT INTO findings_of_values
    SELECT f.id, f.entry_id, f.time_ms, f.kind_id, v.id, f.start, f.end, f.status,
      iif(en.id IS NULL, f.time, NULL), iif(en.id IS NULL, f.instance, NULL), iif(en.id IS NULL, f.provider, NULL)
    FROM stored_findings f JOIN finding_values v ON v.fingerprint = f.fingerprint LEFT JOIN entries en ON en.id = f.entry_id;
  DROP VIEW findings;
  DROP TABLE stored_findings;
  ALTER TABLE findings_of_values RENAME TO stored_findings;
  CREATE INDEX stored_findings_time ON stored_findings(time_ms);
  CREATE INDEX stored_findings_entry ON stored_findings(entry_id);

  CREATE TRIGGER entries_keep_finding_sources BEFORE DELETE ON entries BEGIN
    UPDATE stored_findings SET time = OLD.time, instance = OLD.instance, provider = OLD.provider
      WHERE entry_id = OLD.id AND time IS NULL;
  END;

  CREATE VIEW findings AS
    SELECT f.id, f.entry_id, f.time_ms, coalesce(f.time, en.time) AS time, coalesce(f.instance, en.instance) AS instance,
      coalesce(f.provider, en.provider) AS provider, k.rule, k.severity, k.source, k.field, f.start, f.end, v.length, v.preview,
      v.fingerprint, t.text AS template, f.status
    FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id JOIN finding_templates t ON t.id = k.template_id
      JOIN finding_values v ON v.id = f.value_id LEFT JOIN entries en ON en.id = f.entry_id;

  CREATE TRIGGER findings_minute_counts AFTER DELETE ON stored_findings
  WHEN NOT EXISTS (
    SELECT 1 FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id
    WHERE f.entry_id = OLD.entry_id AND k.rule = (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id)
  )
  BEGIN
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'rule:' || (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id) AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = (
          SELECT 'source:' || k.rule || char(9) || coalesce(OLD.instance, (SELECT instance FROM entries WHERE id = OLD.entry_id))
            || char(9) || t.text
          FROM finding_kinds k JOIN finding_templates t ON t.id = k.template_id WHERE k.id = OLD.kind_id
        )
        AND minute = OLD.time_ms / 60000;
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'flagged' AND minute = OLD.time_ms / 60000 AND NOT EXISTS (SELECT 1 FROM stored_findings WHERE entry_id = OLD.entry_id);
  END;
  CREATE TRIGGER findings_open_deleted AFTER DELETE ON stored_findings WHEN OLD.status = 'open' BEGIN
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'open:' || (SELECT severity FROM finding_kinds WHERE id = OLD.kind_id) AND minute = OLD.time_ms / 60000;
  END;
  CREATE TRIGGER findings_open_reviewed AFTER UPDATE OF status ON stored_findings WHEN (OLD.status = 'open') <> (NEW.status = 'open') BEGIN
    INSERT INTO minute_counts (kind, minute, n)
      VALUES ('open:' || (SELECT severity FROM finding_kinds WHERE id = NEW.kind_id), NEW.time_ms / 60000, iif(NEW.status = 'open', 1, -1))
      ON CONFLICT(kind, minute) DO UPDATE SET n = n + excluded.n;
  END;
  `,
  // 6: entries per leak source counted in a table keyed by minute first. Keyed by kind first, as in
  // `minute_counts`, each leak source (rule, instance and template: dozens in a store) had its current minute on
  // a page of its own, and every batch rewrote all those pages: a quarter of the bytes the ingest wrote to the
  // WAL, measured. Keyed by minute, a batch's counts share a page or two. The delete trigger follows them.
  `
  CREATE TABLE source_minute_counts (
    minute INTEGER NOT NULL,
    kind TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (minute, kind)
  ) WITHOUT ROWID;
  INSERT INTO source_minute_counts (minute, kind, n)
    SELECT minute, kind, n FROM minute_counts WHERE kind >= 'source:' AND kind < 'source;';
  DELETE FROM minute_counts WHERE kind >= 'source:' AND kind < 'source;';

  DROP TRIGGER findings_minute_counts;
  CREATE TRIGGER findings_minute_counts AFTER DELETE ON stored_findings
  WHEN NOT EXISTS (
    SELECT 1 FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id
    WHERE f.entry_id = OLD.entry_id AND k.rule = (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id)
  )
  BEGIN
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'rule:' || (SELECT rule FROM finding_kinds WHERE id = OLD.kind_id) AND minute = OLD.time_ms / 60000;
    UPDATE source_minute_counts SET n = n - 1
      WHERE minute = OLD.time_ms / 60000
        AND kind = (
          SELECT 'source:' || k.rule || char(9) || coalesce(OLD.instance, (SELECT instance FROM entries WHERE id = OLD.entry_id))
            || char(9) || t.text
          FROM finding_kinds k JOIN finding_templates t ON t.id = k.template_id WHERE k.id = OLD.kind_id
        );
    UPDATE minute_counts SET n = n - 1
      WHERE kind = 'flagged' AND minute = OLD.time_ms / 60000 AND NOT EXISTS (SELECT 1 FROM stored_findings WHERE entry_id = OLD.entry_id);
  END;
  `,
];
