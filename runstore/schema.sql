-- The run store schema. Bump SCHEMA_VERSION in store.py when this changes.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per crawl/audit run; summary is JSON (pages fetched, failed, findings ...).
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    start_urls TEXT NOT NULL DEFAULT '[]',
    config TEXT NOT NULL DEFAULT '{}',
    summary TEXT NOT NULL DEFAULT '{}',
    error TEXT
);

-- Every fetch outcome of a run, including failures and skipped URLs.
CREATE TABLE IF NOT EXISTS pages (
    run_id TEXT NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    status INTEGER,
    final_url TEXT,
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    fetched_at TEXT,
    elapsed REAL,
    error TEXT,
    outcome TEXT NOT NULL,
    duplicate_of TEXT,
    depth INTEGER,
    lastmod TEXT,
    referrer TEXT,
    links TEXT,  -- JSON list of the page's in-site links [url, text, paginates], followed again on a 304
    PRIMARY KEY (run_id, url)
);

-- The extracted article of each page that holds one (JSON record, see records.Article).
CREATE TABLE IF NOT EXISTS articles (
    run_id TEXT NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    title TEXT,
    content_hash TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (run_id, url)
);

-- The audit of each article: disclaimer status and readability figures.
CREATE TABLE IF NOT EXISTS audits (
    run_id TEXT NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    disclaimer TEXT NOT NULL,
    metrics TEXT NOT NULL,
    content_hash TEXT,
    reused INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, url)
);

CREATE TABLE IF NOT EXISTS findings (
    run_id TEXT NOT NULL REFERENCES runs(id),
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE INDEX IF NOT EXISTS findings_by_url ON findings (run_id, url);
-- a finding's history across runs (when it was first seen) is read by its id
CREATE INDEX IF NOT EXISTS findings_by_id ON findings (id);

-- Triage is per finding id, so it carries across runs; the log keeps every change.
CREATE TABLE IF NOT EXISTS triage (
    finding_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS triage_log (
    finding_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    updated TEXT NOT NULL
);
