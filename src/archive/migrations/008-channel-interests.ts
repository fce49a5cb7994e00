// Channel interests: the reactions (👍 ⭐ 👎) people gave papers on the bot's messages, one row per
// (message, person, kind), so removing a reaction deletes exactly what adding it wrote; and the
// bot's single-paper messages on platforms whose reaction events carry no message content (the
// paper a reaction is about is looked up there). Plain types and standard SQL only, so the same
// tables port to PostgreSQL.
export default `
CREATE TABLE paper_reactions (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL DEFAULT '',
  channel    TEXT NOT NULL,
  message    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('like', 'star', 'dislike')),
  paper_pk   INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  reacted_at TEXT NOT NULL,
  PRIMARY KEY (platform, channel, message, user_id, kind)
);
CREATE INDEX paper_reactions_channel ON paper_reactions(platform, channel, reacted_at);

CREATE TABLE paper_messages (
  platform  TEXT NOT NULL,
  channel   TEXT NOT NULL,
  message   TEXT NOT NULL,
  paper_pk  INTEGER NOT NULL REFERENCES papers(pk) ON DELETE CASCADE,
  posted_at TEXT NOT NULL,
  PRIMARY KEY (platform, channel, message)
);
`;
