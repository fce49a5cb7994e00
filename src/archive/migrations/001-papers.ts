// Papers, their keys (aliases and content keys), links, the days they appeared in, and the log of
// every ingest. `revision` lets the search index catch up incrementally on what changed.
export default `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE papers (
  pk         INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  arxiv_id   TEXT UNIQUE,
  title      TEXT NOT NULL,
  abstract   TEXT NOT NULL,
  authors    TEXT NOT NULL DEFAULT '[]',
  date       TEXT NOT NULL,
  upvotes    INTEGER,
  has_code   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision   INTEGER NOT NULL
);
CREATE INDEX papers_date ON papers(date);
CREATE INDEX papers_revision ON papers(revision);

CREATE TABLE paper_keys (
  key  TEXT PRIMARY KEY,
  pk   INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('alias', 'content'))
);
CREATE INDEX paper_keys_pk ON paper_keys(pk);

CREATE TABLE paper_links (
  pk       INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('link', 'source')),
  url      TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (pk, kind, url)
);

CREATE TABLE days (
  date        TEXT PRIMARY KEY,
  source      TEXT NOT NULL,
  format      TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);

CREATE TABLE day_papers (
  date     TEXT NOT NULL REFERENCES days(date) ON DELETE CASCADE,
  pk       INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (date, pk)
);
CREATE INDEX day_papers_pk ON day_papers(pk);

CREATE TABLE ingest_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  path       TEXT NOT NULL,
  format     TEXT,
  date       TEXT,
  papers     INTEGER NOT NULL DEFAULT 0,
  added      INTEGER NOT NULL DEFAULT 0,
  updated    INTEGER NOT NULL DEFAULT 0,
  status     TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error      TEXT
);
`;
