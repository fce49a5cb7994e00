// Team memory: a channel's notes on papers and its reading queue. Plain types and standard SQL only
// (INSERT … ON CONFLICT, conditional UPDATEs), so the same tables port to PostgreSQL.
//
// A note belongs to a paper (by its key, which survives a new arXiv version or a second id), a
// channel, and optionally the discussion thread it was written in. The queue has one row per
// (channel, paper); a claim is a conditional UPDATE of that row, so of two concurrent claims
// exactly one changes it. `reminded_at` makes the scheduler's reminder to a claimer once-only.
export default `
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  paper_pk    INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  platform    TEXT NOT NULL,
  workspace   TEXT NOT NULL DEFAULT '',
  channel     TEXT NOT NULL,
  thread      TEXT,
  author      TEXT NOT NULL,
  author_name TEXT,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX notes_channel ON notes(platform, channel, id);
CREATE INDEX notes_paper ON notes(paper_pk, platform, channel);
CREATE INDEX notes_thread ON notes(platform, channel, thread);

CREATE TABLE reading_queue (
  platform     TEXT NOT NULL,
  workspace    TEXT NOT NULL DEFAULT '',
  channel      TEXT NOT NULL,
  paper_pk     INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  status       TEXT NOT NULL CHECK (status IN ('queued', 'claimed', 'done')),
  added_by     TEXT NOT NULL,
  added_name   TEXT,
  added_at     TEXT NOT NULL,
  claimed_by   TEXT,
  claimed_name TEXT,
  claimed_at   TEXT,
  done_by      TEXT,
  done_name    TEXT,
  done_at      TEXT,
  reminded_at  TEXT,
  PRIMARY KEY (platform, channel, paper_pk)
);
CREATE INDEX reading_queue_claims ON reading_queue(status, claimed_at);
CREATE INDEX reading_queue_order ON reading_queue(platform, channel, added_at);

CREATE INDEX threads_paper ON threads(paper_pk);
`;
