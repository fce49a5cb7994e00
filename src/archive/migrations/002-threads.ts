// Discussion threads bound to one paper, and what was said in them, so a restart loses nothing.
export default `
CREATE TABLE threads (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL DEFAULT '',
  channel    TEXT NOT NULL,
  thread     TEXT NOT NULL,
  paper_pk   INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (platform, channel, thread)
);

CREATE TABLE thread_messages (
  id       INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  channel  TEXT NOT NULL,
  thread   TEXT NOT NULL,
  author   TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('user', 'bot')),
  text     TEXT NOT NULL,
  at       TEXT NOT NULL,
  FOREIGN KEY (platform, channel, thread) REFERENCES threads(platform, channel, thread) ON DELETE CASCADE
);
CREATE INDEX thread_messages_thread ON thread_messages(platform, channel, thread, id);
`;
