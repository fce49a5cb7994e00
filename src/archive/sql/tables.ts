/**
 * The archive's tables as the query builder sees them: one interface per table, column by column,
 * so that every query a store writes is checked against the schema by the compiler. Kept in step
 * with the migrations (test/archive/schema.test.ts compares them with the live database).
 *
 * Types are what both engines hand back: integers as numbers (PostgreSQL's bigint is parsed to a
 * number by the connection), times as ISO text, booleans as 0/1 integers (one schema for both).
 */
import type { Generated } from "kysely";

export interface MetaTable {
  key: string;
  value: string;
}

export interface PapersTable {
  pk: Generated<number>;
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: Generated<string>;
  date: string;
  upvotes: number | null;
  has_code: Generated<number>;
  created_at: string;
  updated_at: string;
  revision: number;
  source_summary: string | null;
}

export interface PaperKeysTable {
  /** Insertion order: SQLite's implicit rowid, an identity column on PostgreSQL. */
  rowid: Generated<number>;
  key: string;
  pk: number;
  kind: "alias" | "content";
}

export interface PaperLinksTable {
  pk: number;
  kind: "link" | "source";
  url: string;
  position: number;
}

export interface DaysTable {
  date: string;
  source: string;
  format: string;
  ingested_at: string;
}

export interface DayPapersTable {
  date: string;
  pk: number;
  position: number;
}

export interface IngestLogTable {
  id: Generated<number>;
  at: string;
  path: string;
  format: string | null;
  date: string | null;
  papers: Generated<number>;
  added: Generated<number>;
  updated: Generated<number>;
  status: "ok" | "failed";
  error: string | null;
}

export interface ThreadsTable {
  platform: string;
  workspace: Generated<string>;
  channel: string;
  thread: string;
  paper_pk: number;
  created_by: string;
  created_at: string;
}

export interface ThreadMessagesTable {
  id: Generated<number>;
  platform: string;
  channel: string;
  thread: string;
  author: string;
  role: "user" | "bot";
  text: string;
  at: string;
}

export interface ChannelsTable {
  platform: string;
  channel: string;
  workspace: Generated<string>;
  subscribed: Generated<number>;
  timezone: Generated<string>;
  time: Generated<string>;
  filters: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DeliveriesTable {
  platform: string;
  channel: string;
  date: string;
  status: "claimed" | "sent" | "failed" | "skipped";
  late: Generated<number>;
  attempts: Generated<number>;
  claimed_by: string | null;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface InstallationsTable {
  platform: string;
  id: string;
  data: string;
  updated_at: string;
}

export interface NotesTable {
  id: Generated<number>;
  paper_pk: number;
  platform: string;
  workspace: Generated<string>;
  channel: string;
  thread: string | null;
  author: string;
  author_name: string | null;
  text: string;
  created_at: string;
}

export interface ReadingQueueTable {
  platform: string;
  workspace: Generated<string>;
  channel: string;
  paper_pk: number;
  status: "queued" | "claimed" | "done";
  added_by: string;
  added_name: string | null;
  added_at: string;
  claimed_by: string | null;
  claimed_name: string | null;
  claimed_at: string | null;
  done_by: string | null;
  done_name: string | null;
  done_at: string | null;
  reminded_at: string | null;
}

export interface SeenRequestsTable {
  id: string;
  /** Epoch milliseconds. */
  seen_at: number;
}

export interface RateBucketsTable {
  /** The scope and who: `user:<platform>:<id>`, `channel:<platform>:<id>`. */
  key: string;
  /** Tokens left after the last take (a fraction while refilling). */
  tokens: number;
  capacity: number;
  /** Tokens added per millisecond. */
  per_ms: number;
  /** Epoch milliseconds of the last take. */
  at: number;
  /** 1 when the last take got a token. */
  granted: number;
}

export interface IndexSnapshotsTable {
  /** What index: "search". */
  kind: string;
  /** The chunk's place, from 0. */
  part: number;
  /** The archive revision the snapshot reflects. */
  revision: number;
  /** The analysis version that made it (persist.ts ANALYSIS_VERSION). */
  analysis: number;
  /** SHA-256 of the whole snapshot (all parts in order). */
  checksum: string;
  written_at: string;
  bytes: Uint8Array;
}

export interface OwedAnswersTable {
  id: string;
  platform: string;
  /** JSON: what the adapter needs to run the request again. */
  payload: string;
  claimed_by: string;
  claimed_at: string;
  attempts: number;
  created_at: string;
  settled_at: string | null;
  /** Messages of the answer known delivered (1, 2… in posting order). */
  sent_parts: Generated<number>;
  /** The part being posted (marked before its POST); null between parts. */
  sending_part: number | null;
}

export interface WatchesTable {
  platform: string;
  channel: string;
  workspace: Generated<string>;
  n: number;
  query: string;
  since: string | null;
  until: string | null;
  has_code: Generated<number>;
  created_by: string;
  created_name: string | null;
  created_at: string;
  removed_at: string | null;
}

export interface AlertedPapersTable {
  platform: string;
  channel: string;
  paper_pk: number;
  slot: string;
  watches: string;
  score: number;
}

export interface ScheduledPostsTable {
  kind: "alert" | "weekly" | "quiet";
  platform: string;
  channel: string;
  workspace: Generated<string>;
  slot: string;
  status: "claimed" | "sent" | "failed" | "skipped";
  late: Generated<number>;
  attempts: Generated<number>;
  claimed_by: string | null;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface ChannelDigestsTable {
  platform: string;
  channel: string;
  workspace: Generated<string>;
  weekly_day: number | null;
  weekly_time: string | null;
  weekly_since: string | null;
  quiet_notices: Generated<number>;
  updated_at: string;
}

export interface PaperReactionsTable {
  platform: string;
  workspace: Generated<string>;
  channel: string;
  message: string;
  user_id: string;
  kind: "like" | "star" | "dislike";
  paper_pk: number;
  reacted_at: string;
}

export interface PaperMessagesTable {
  platform: string;
  channel: string;
  message: string;
  paper_pk: number;
  posted_at: string;
}

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface ArchiveTables {
  meta: MetaTable;
  papers: PapersTable;
  paper_keys: PaperKeysTable;
  paper_links: PaperLinksTable;
  days: DaysTable;
  day_papers: DayPapersTable;
  ingest_log: IngestLogTable;
  threads: ThreadsTable;
  thread_messages: ThreadMessagesTable;
  channels: ChannelsTable;
  deliveries: DeliveriesTable;
  installations: InstallationsTable;
  notes: NotesTable;
  reading_queue: ReadingQueueTable;
  seen_requests: SeenRequestsTable;
  rate_buckets: RateBucketsTable;
  index_snapshots: IndexSnapshotsTable;
  owed_answers: OwedAnswersTable;
  paper_reactions: PaperReactionsTable;
  paper_messages: PaperMessagesTable;
  watches: WatchesTable;
  alerted_papers: AlertedPapersTable;
  scheduled_posts: ScheduledPostsTable;
  channel_digests: ChannelDigestsTable;
  schema_version: SchemaVersionTable;
}
