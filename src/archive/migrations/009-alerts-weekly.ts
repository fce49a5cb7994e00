// Saved-search alerts, the weekly digest and quiet-day notices. Plain types and standard SQL only
// (INSERT … ON CONFLICT, conditional UPDATEs), so the same tables port to PostgreSQL.
//
// `watches`: a channel's saved searches, numbered per channel (`unwatch <n>`); a removed watch
// keeps its row (removed_at) so its number is never given to another one. `alerted_papers`:
// one row per (channel, paper) ever alerted, so a paper is alerted once per channel whatever day
// or id it comes back under; `slot` names the alert post that carried it. `scheduled_posts`: the
// exactly-once claims of every post the scheduler makes besides the daily roundup (an alert post,
// a weekly digest, a quiet-day notice), with the same columns and rules as `deliveries`.
// `channel_digests`: a channel's weekly digest (ISO weekday 1-7 and HH:MM, in the channel's
// zone) and whether it wants quiet-day notices.
export default `
CREATE TABLE watches (
  platform     TEXT NOT NULL,
  channel      TEXT NOT NULL,
  workspace    TEXT NOT NULL DEFAULT '',
  n            INTEGER NOT NULL,
  query        TEXT NOT NULL,
  since        TEXT,
  until        TEXT,
  has_code     INTEGER NOT NULL DEFAULT 0,
  created_by   TEXT NOT NULL,
  created_name TEXT,
  created_at   TEXT NOT NULL,
  removed_at   TEXT,
  PRIMARY KEY (platform, channel, n)
);

CREATE TABLE alerted_papers (
  platform TEXT NOT NULL,
  channel  TEXT NOT NULL,
  paper_pk INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  slot     TEXT NOT NULL,
  watches  TEXT NOT NULL,
  score    REAL NOT NULL,
  PRIMARY KEY (platform, channel, paper_pk)
);
CREATE INDEX alerted_papers_slot ON alerted_papers(platform, channel, slot);

CREATE TABLE scheduled_posts (
  kind       TEXT NOT NULL CHECK (kind IN ('alert', 'weekly', 'quiet')),
  platform   TEXT NOT NULL,
  channel    TEXT NOT NULL,
  workspace  TEXT NOT NULL DEFAULT '',
  slot       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  late       INTEGER NOT NULL DEFAULT 0,
  attempts   INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  claimed_at TEXT NOT NULL,
  sent_at    TEXT,
  error      TEXT,
  PRIMARY KEY (kind, platform, channel, slot)
);
CREATE INDEX scheduled_posts_open ON scheduled_posts(status, kind);

CREATE TABLE channel_digests (
  platform      TEXT NOT NULL,
  channel       TEXT NOT NULL,
  workspace     TEXT NOT NULL DEFAULT '',
  weekly_day    INTEGER,
  weekly_time   TEXT,
  weekly_since  TEXT,
  quiet_notices INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
`;
