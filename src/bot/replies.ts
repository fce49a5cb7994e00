/**
 * The reply model: what the bot says, as plain data. No platform markup anywhere in here; every
 * text field is untrusted plain text that each renderer escapes for its platform and cuts to its
 * limits.
 */

/** Something the user can do next; adapters render it as a button (or a hint on the console). */
export interface Action {
  kind: "discuss" | "related" | "summary" | "code" | "show" | "more";
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
}

export interface PaperCard {
  kind: "paper";
  id: string;
  title: string;
  date: string;
  authors: string[];
  tldr: string;
  keyResults: string[];
  links: string[];
  code: string[];
  /** Where to read the paper (arXiv or Hugging Face page); null when unknown. */
  url: string | null;
  /** Show the full abstract (for `show`), or just the TL;DR (in lists and summaries). */
  abstract?: string;
  actions: Action[];
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
}

export interface RoundupTopicReply {
  label: string;
  /** The catch-all group ("Other"), or the plain list of a day too small to group. */
  other: boolean;
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

export interface AnswerReply {
  kind: "answer";
  paperId: string;
  paperTitle: string;
  question: string;
  text: string;
  evidence: string[];
  /** True when the paper's text does not answer the question. */
  unanswered: boolean;
}

export interface NoticeReply {
  kind: "notice";
  level: "info" | "warning" | "error";
  text: string;
  /** The PaperboyError code, for errors. */
  code?: string;
}

export interface HelpReply {
  kind: "help";
  intro: string;
  commands: { usage: string; summary: string }[];
  footer?: string;
}

export interface SettingsReply {
  kind: "settings";
  subscribed: boolean;
  time: string;
  timezone: string;
  filters: string[];
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
  | ThreadStartReply;

export function notice(text: string, level: NoticeReply["level"] = "info", code?: string): NoticeReply {
  return code ? { kind: "notice", level, text, code } : { kind: "notice", level, text };
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
  }
}
