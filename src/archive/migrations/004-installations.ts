// OAuth installations of chat apps (Slack workspaces), one JSON document each, so tokens survive
// restarts and rotate in place.
export default `
CREATE TABLE installations (
  platform   TEXT NOT NULL,
  id         TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, id)
);
`;
