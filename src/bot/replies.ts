/**
 * The reply model: what the bot says, as plain data. No platform markup anywhere in here; every
 * text field is untrusted plain text that each renderer escapes for its platform and cuts to its
 * limits.
 */

import type { SourceSummary } from "../summary/source-summary.js";

export { type SourceSummary, sourceSummaryLabel } from "../summary/source-summary.js";

/** Something the user can do next; adapters render it as a button (or a hint on the console). */
export interface Action {
  kind: "discuss" | "related" | "summary" | "code" | "show" | "more" | "queue" | "claim" | "done";
  label: string;
  /** The core command that performs it, e.g. "related 2601.23265"; buttons carry it back. */
  command: string;
}

/** A paper in a list: enough to recognize it and act on it. */
export interface PaperLite {
  id: string;
  title: string;
  date: string;
  tldr?: string;
  snippet?: string;
  code: string[];
  score?: number;
  /** The channel already discussed this paper (a roundup marks it and links the discussion). */
  discussed?: DiscussionRef;
  /** Found by one of the channel's notes (search): that note's text, shown as "from a note". */
  fromNote?: string;
  /** The channel's watches it matched (an alert): "#2 sparse attention". */
  watches?: string[];
}

/** A place where a team talked about a paper before: a discussion thread, or notes in a channel. */
export interface DiscussionRef {
  /** Platform, workspace, channel and thread ids: each renderer builds its own link from them. */
  platform: string;
  workspace: string;
  channel: string;
  /** The discussion thread; null for notes written outside one. */
  thread: string | null;
  /** YYYY-MM-DD the discussion was opened (or its first note written). */
  date: string;
  /** Questions and answers recorded in the thread. */
  messages: number;
  notes: number;
  /** True when it happened in the channel this reply is for. */
  here: boolean;
}

/** One team note on a paper. Its text is untrusted: renderers escape it. */
export interface NoteItem {
  /** The note's number (`note delete <n>`). */
  n: number;
  paperId: string;
  paperTitle: string;
  /** The author's platform id, and display name where the platform gave one. */
  author: string;
  authorName?: string;
  text: string;
  /** YYYY-MM-DD it was written. */
  date: string;
}

/** What a team remembers of a paper, on its card. */
export interface PaperMemory {
  /** Earlier discussions in this workspace, newest first (at most a few). */
  discussions: DiscussionRef[];
  discussionsTotal: number;
  /** This channel's notes on it, newest first (at most a few). */
  notes: NoteItem[];
  notesTotal: number;
  /** Its place in this channel's reading queue. */
  queue?: QueueItem;
}

export interface PaperCard {
  kind: "paper";
  id: string;
  title: string;
  date: string;
  authors: string[];
  tldr: string;
  keyResults: string[];
  /**
   * The paper's main finding in words (at most two sentences), when its abstract reports no
   * measured result; shown under "Findings". Absent when there is none.
   */
  findings?: string[];
  links: string[];
  code: string[];
  /** Where to read the paper (arXiv or Hugging Face page); null when unknown. */
  url: string | null;
  /** Show the full abstract (for `show`), or just the TL;DR (in lists and summaries). */
  abstract?: string;
  /**
   * The source's own one-line summary (Hugging Face's `ai_summary`), shown beside ours and always
   * labelled as the source's: "Hugging Face's summary: …". Absent when the source gave none.
   */
  sourceSummary?: SourceSummary;
  actions: Action[];
  /** Earlier discussions, notes and queue state of this paper, when there are any. */
  memory?: PaperMemory;
}

export interface ResultList {
  kind: "results";
  /** What the list is, e.g. `Search: "sparse attention"` or `Related to 2601.23265`. */
  title: string;
  items: PaperLite[];
  total: number;
  /** 0-based index of the first item in the whole result. */
  offset: number;
  /** The "more" action when there is a next page. */
  next?: Action;
  /** A corrected query to suggest when nothing matched. */
  didYouMean?: string;
  /** Shown when there are no items. */
  emptyText?: string;
}

/** A paper in a roundup: one line (linked title, code, upvotes); a TL;DR only for a topic's first papers. */
export interface RoundupPaper {
  id: string;
  title: string;
  /** Where to read it (arXiv or Hugging Face page); null when unknown. */
  url: string | null;
  code: string[];
  /** The source's upvotes; null when the digest gives none. */
  upvotes: number | null;
  /** Given for the first `ROUNDUP_TLDRS_PER_TOPIC` papers of a topic; the rest are a click away. */
  tldr?: string;
  /** The channel already discussed this paper: the roundup marks it and links that discussion. */
  discussed?: DiscussionRef;
  /** The archive's key when known (marking the roundup then looks nothing up); not rendered. */
  pk?: number;
}

export interface RoundupTopicReply {
  label: string;
  /** The catch-all group ("Other"), or the plain list of a day too small to group. */
  other: boolean;
  /**
   * The "For this channel" section: the papers most like what the channel reacted 👍 / ⭐ to,
   * taken out of their topics and shown first (rendered like a topic).
   */
  forChannel?: boolean;
  papers: RoundupPaper[];
}

export interface RoundupReply {
  kind: "roundup";
  date: string;
  /** Last day of a range (`roundup --date D --until D`, a weekly roundup). */
  until?: string;
  /** Papers of the day before channel filters. */
  count: number;
  /** Papers shown after channel filters. */
  shown: number;
  /** The one-line opening: "58 papers today: 9 on LLM agents, 7 on video generation, and 6 more topics". */
  headline: string;
  topics: RoundupTopicReply[];
  /** Posted after its scheduled time (catch-up after downtime). */
  late?: boolean;
  /** Filters that were applied, for the header. */
  filters?: string[];
}

/** A topic of the week: how many papers it had, and its best few. */
export interface WeeklyTopic {
  label: string;
  count: number;
  papers: RoundupPaper[];
}

/** A paper the channel talked about during the week, and how much. */
export interface DiscussedPaper {
  paper: PaperLite;
  threads: number;
  questions: number;
  notes: number;
  /** 👍/⭐ reactions on the bot's messages about it, where the platform has them. */
  reactions: number;
}

/**
 * An image a reply carries (the weekly digest's topic-trends chart): uploaded as an image on
 * platforms that take files, written to a file on the console.
 */
export interface ImageAttachment {
  /** A plain file name: letters, digits, ".", "-" and "_" only. */
  name: string;
  mediaType: "image/png";
  data: Uint8Array;
  /** What the picture shows, for screen readers and where it cannot be shown. */
  alt: string;
}

/** The weekly digest: the week's topics, what the channel discussed most, its reading queue. */
export interface WeeklyReply {
  kind: "weekly";
  /** The digest days it covers, inclusive. */
  from: string;
  until: string;
  /** Digest days and papers in the week. */
  days: number;
  count: number;
  /** "312 papers over 5 digest days; biggest topics: LLM agents (45), …" */
  headline: string;
  /** The biggest topics, each with its best papers. */
  topics: WeeklyTopic[];
  /** Topics not listed. */
  moreTopics: number;
  /** Most discussed first. */
  discussed: DiscussedPaper[];
  queue: { queued: number; claimed: number; added: number; read: number };
  /** Slot for the topic-trends chart (filled when a chart renderer is plugged into the scheduler). */
  chart?: ImageAttachment;
  /** Posted after its time (catch-up after downtime). */
  late?: boolean;
}

export interface AnswerReply {
  kind: "answer";
  paperId: string;
  paperTitle: string;
  question: string;
  /** The whole answer as plain text (fallbacks, notifications, the console). */
  text: string;
  /** The paper's own sentences the answer stands on, cleaned for display. */
  evidence: string[];
  /** Where the evidence comes from, as it is labelled ("From the abstract"); default the abstract. */
  evidenceFrom?: string;
  /**
   * True when `text` only says the evidence (the sentences themselves, or "X's summary says: …"):
   * renderers then show the evidence once, as a quote, instead of the answer and then the same
   * sentences again.
   */
  quoted?: boolean;
  /** True when the paper's text does not answer the question. */
  unanswered: boolean;
  /** True when the evidence is the closest sentence, not a sure answer (src/ask/answer.ts). */
  tentative?: boolean;
}

export interface NoticeReply {
  kind: "notice";
  level: "info" | "warning" | "error";
  text: string;
  /** The PaperboyError code, for errors. */
  code?: string;
  /**
   * Shown to the whole channel, not only to the asker: a team action others should see ("U1 will
   * read 2601.23265"). Notices are the asker's alone otherwise.
   */
  public?: boolean;
  /**
   * A progress note ("Working on it…"), not part of the answer: whether it is sent depends on
   * timing, so a platform that numbers an answer's messages (to resume it after a crash) skips it.
   */
  progress?: boolean;
}

/** A channel's notes (`notes`, `notes <id>`), newest first. */
export interface NotesReply {
  kind: "notes";
  title: string;
  items: NoteItem[];
  total: number;
  offset: number;
  next?: Action;
  emptyText: string;
}

/** A paper in the reading queue, with who claimed or read it. */
export interface QueueItem {
  paperId: string;
  paperTitle: string;
  status: "queued" | "claimed" | "done";
  addedBy: string;
  /** The claimer (or reader, when done): a display name where known, else the platform's id. */
  by?: string;
  /** YYYY-MM-DD it was queued, claimed or read (its current state's). */
  since: string;
  actions: Action[];
}

/** A channel's reading queue (`queue`). */
export interface QueueReply {
  kind: "queue";
  /** The oldest open entries (queued or claimed); `openTotal` counts them all. */
  open: QueueItem[];
  openTotal: number;
  /** The most recently read, newest first. */
  done: QueueItem[];
  doneTotal: number;
}

/** A file the platform sends as a file (Slack upload, Discord attachment, a path on the console). */
export interface ExportFile {
  /** A plain file name: letters, digits, ".", "-" and "_" only. */
  name: string;
  mediaType: "text/markdown" | "application/x-bibtex";
  content: string;
}

/** An image the platform sends as a file (the trends chart), as bytes. */
export interface ImageFile {
  /** A plain file name, as for ExportFile. */
  name: string;
  mediaType: "image/png";
  content: Uint8Array;
}

export type ReplyFile = ExportFile | ImageFile;

/** A file's bytes as a platform sends them (text as UTF-8). */
export function fileBytes(file: ReplyFile): Buffer {
  return typeof file.content === "string"
    ? Buffer.from(file.content, "utf8")
    : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
}

export interface FileReply {
  kind: "file";
  /** One line saying what the files are; the message that carries them. */
  text: string;
  files: ReplyFile[];
}

/** The scheduler's reminder to whoever said "I'll read it", once, some days later. */
export interface ReminderReply {
  kind: "reminder";
  /** The claimer's platform id: the one person this message may notify. */
  user: string;
  userName?: string;
  paper: PaperLite;
  /** YYYY-MM-DD of the claim, and how many days ago that was. */
  claimedOn: string;
  days: number;
}

export interface HelpReply {
  kind: "help";
  intro: string;
  commands: { usage: string; summary: string }[];
  footer?: string;
}

/** What a channel's reactions taught: counted, and the profile's top words (untrusted text). */
export interface InterestsView {
  likes: number;
  stars: number;
  dislikes: number;
  /** The profile's strongest words, as the liked papers write them. */
  terms: string[];
}

export interface SettingsReply {
  kind: "settings";
  subscribed: boolean;
  time: string;
  timezone: string;
  filters: string[];
  /** The channel's interests, learned from reactions on papers; absent when there are none. */
  interests?: InterestsView;
  /** The weekly digest, when the channel has one: "Monday", "09:00" (in `timezone`). */
  weekly?: { day: string; time: string };
  /** Whether quiet days get a short notice (`subscribe quiet on`). */
  quietNotices?: boolean;
  /** How many saved searches (watches) the channel has. */
  watches?: number;
  /** A sentence about what just changed, if anything. */
  changed?: string;
}

/** `discuss`: the platform renders the steps of Bot.startDiscussion (card, thread, intro). */
export interface ThreadStartReply {
  kind: "thread";
  paperId: string;
  card: PaperCard;
  /** The first message inside the thread. */
  intro: string;
}

export type Reply =
  | PaperCard
  | ResultList
  | RoundupReply
  | AnswerReply
  | NoticeReply
  | HelpReply
  | SettingsReply
  | ThreadStartReply
  | NotesReply
  | QueueReply
  | FileReply
  | ReminderReply
  | WeeklyReply;

export function notice(text: string, level: NoticeReply["level"] = "info", code?: string): NoticeReply {
  return code ? { kind: "notice", level, text, code } : { kind: "notice", level, text };
}

/** A notice the whole channel sees: what someone just did for the team. */
export function announce(text: string): NoticeReply {
  return { kind: "notice", level: "info", text, public: true };
}

/** "12 messages, 2 notes": the size of an earlier discussion, as cards and roundups show it. */
export function discussionSize(d: DiscussionRef): string {
  const parts = [];
  if (d.messages) parts.push(`${d.messages} message${d.messages === 1 ? "" : "s"}`);
  if (d.notes) parts.push(`${d.notes} note${d.notes === 1 ? "" : "s"}`);
  return parts.join(", ");
}

/** "Discussed on 2026-02-03" or "Noted on 2026-02-03": what an earlier mention was. */
export function discussionVerb(d: DiscussionRef): string {
  return `${d.thread ? "Discussed" : "Noted"} on ${d.date}`;
}

/**
 * "Learned from 4 👍, 1 ⭐, 1 👎: agents, video, diffusion": a channel's interests in one line, for
 * every renderer (which escapes it: the words come from papers).
 */
export function interestsLine(i: InterestsView): string {
  const counts = [
    i.likes ? `${i.likes} 👍` : "",
    i.stars ? `${i.stars} ⭐` : "",
    i.dislikes ? `${i.dislikes} 👎` : "",
  ].filter(Boolean);
  const about = i.terms.length ? `: ${i.terms.join(", ")}` : "";
  return `Roundups put first what this channel likes, learned from ${counts.join(", ") || "no reactions"}${about}. \`interests reset\` forgets it.`;
}

/** How a queue entry's state reads: "claimed by Ann since 2026-02-04". */
export function queueState(q: QueueItem): string {
  if (q.status === "done") return `read by ${q.by ?? "someone"} on ${q.since}`;
  if (q.status === "claimed") return `claimed by ${q.by ?? "someone"} since ${q.since}`;
  return `queued by ${q.addedBy} on ${q.since}`;
}

/** A plain-text rendering of any reply, for `text` fallbacks, logs and notifications. */
export function replySummary(reply: Reply): string {
  switch (reply.kind) {
    case "paper":
      return `${reply.title} (${reply.id}): ${reply.tldr}`;
    case "results":
      return reply.items.length
        ? `${reply.title}: ${reply.total} result(s)`
        : `${reply.title}: ${reply.emptyText ?? "nothing found"}`;
    case "roundup":
      return reply.headline;
    case "answer":
      return reply.text;
    case "notice":
      return reply.text;
    case "help":
      return reply.intro;
    case "settings":
      return (
        reply.changed ??
        (reply.subscribed ? `Daily roundup at ${reply.time} ${reply.timezone}` : "Not subscribed")
      );
    case "thread":
      return `Discussion of ${reply.card.title} (${reply.paperId})`;
    case "notes":
      return reply.items.length
        ? `${reply.title}: ${reply.total} note(s)`
        : `${reply.title}: ${reply.emptyText}`;
    case "queue":
      return `Reading queue: ${reply.openTotal} open, ${reply.doneTotal} read`;
    case "file":
      return reply.text;
    case "reminder":
      return `Reminder: you said you would read ${reply.paper.title} (${reply.paper.id}) ${reply.days} days ago`;
    case "weekly":
      return `Weekly digest, ${reply.from} to ${reply.until}: ${reply.headline}`;
  }
}
