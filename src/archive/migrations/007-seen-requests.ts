// Ids of signed chat requests already handled (Slack's event ids and trigger ids), kept for the
// replay window so that a request replayed after a restart is still dropped.
export default `
CREATE TABLE seen_requests (
  id      TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_requests_at ON seen_requests(seen_at);
`;
