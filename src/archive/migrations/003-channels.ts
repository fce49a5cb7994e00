// Per-channel settings and roundup deliveries. The unique (platform, channel, date) row of
// \`deliveries\` is what makes a roundup exactly-once: it is claimed in the transaction that
// decides to post.
export default `
CREATE TABLE channels (
  platform   TEXT NOT NULL,
  channel    TEXT NOT NULL,
  workspace  TEXT NOT NULL DEFAULT '',
  subscribed INTEGER NOT NULL DEFAULT 0,
  timezone   TEXT NOT NULL DEFAULT 'UTC',
  time       TEXT NOT NULL DEFAULT '09:00',
  filters    TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);

CREATE TABLE deliveries (
  platform   TEXT NOT NULL,
  channel    TEXT NOT NULL,
  date       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  late       INTEGER NOT NULL DEFAULT 0,
  attempts   INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  claimed_at TEXT NOT NULL,
  sent_at    TEXT,
  error      TEXT,
  PRIMARY KEY (platform, channel, date)
);
`;
