/**
 * A channel's interests, as the bot and the scheduler use them: a reaction on one of the bot's
 * paper messages is recorded (or, removed, deleted), the profile is rebuilt from the channel's
 * reactions when a roundup or `settings` needs it, and `interests reset` forgets them.
 *
 * Which paper a reaction is about: the message must be the bot's own and show exactly one paper
 * (a card: `show`, a TL;DR button, a discussion's first message). A message listing several
 * papers (a roundup, search results) says nothing about any one of them, so reactions there are
 * ignored rather than guessed at.
 */
import { type ChannelRef, type MessageRef, ReactionStore } from "../archive/reactions.js";
import type { Reply } from "../bot/replies.js";
import type { Paperboy } from "../paperboy.js";
import { termOf, words } from "../text/analysis.js";
import { INTEREST_MODEL, type InterestModel } from "./model.js";
import { buildProfile, type InterestProfile, interestOf, topTerms } from "./profile.js";
import { type ReactionKind, reactionKind } from "./reaction-kinds.js";

export interface ReactionEvent extends MessageRef {
  workspace: string;
  user: string;
  /** The emoji as the platform names it (":+1:", "👍🏽", "star"). */
  emoji: string;
  added: boolean;
  at: Date;
  /**
   * Whether the message is the bot's own, when the platform's event says; left out, a message the
   * bot remembered posting (rememberPaperMessage) is taken as its own, any other as not.
   */
  byBot?: boolean;
  /**
   * The ids of the papers the message shows, when the platform read them from it; left out, the
   * paper the bot remembered for the message is used.
   */
  papers?: readonly string[];
}

export type ReactionOutcome =
  | { applied: true; kind: ReactionKind; paperPk: number | null }
  | {
      applied: false;
      reason:
        | "not a paper reaction"
        | "not the bot's message"
        | "not a bot message about one paper"
        | "no single paper"
        | "unknown paper"
        | "unchanged";
    };

/** The one paper a reply shows on its own (a card), whose message reactions can be about; else null. */
export function paperShown(reply: Reply): string | null {
  if (reply.kind === "paper") return reply.id;
  if (reply.kind === "thread") return reply.paperId;
  return null;
}

/**
 * Remembers the bot's message `ref` when it shows one paper, for platforms whose reaction events
 * carry only the message's id. A no-op for other replies.
 */
export function rememberPaperMessage(engine: Paperboy, ref: MessageRef, reply: Reply): void {
  const id = paperShown(reply);
  const pk = id === null ? null : engine.papers.resolve(id);
  if (pk !== null) engine.store(ReactionStore).rememberMessage(ref, pk);
}

/** Records or removes a reaction; what happened, for the adapter's log. Never throws for input. */
export function applyReaction(engine: Paperboy, event: ReactionEvent): ReactionOutcome {
  const kind = reactionKind(event.emoji);
  if (!kind) return { applied: false, reason: "not a paper reaction" };
  const store = engine.store(ReactionStore);
  const key = {
    platform: event.platform,
    channel: event.channel,
    message: event.message,
    user: event.user,
    kind,
  };
  if (!event.added) {
    // Only the bot's messages ever got a row: removing any other reaction deletes nothing.
    return store.remove(key)
      ? { applied: true, kind, paperPk: null }
      : { applied: false, reason: "unchanged" };
  }
  const remembered = event.papers === undefined ? store.messagePaper(event) : null;
  if (event.byBot === false) return { applied: false, reason: "not the bot's message" };
  // Without the platform's word, only a message the bot remembered sending (one paper) counts.
  if (event.byBot === undefined && remembered === null)
    return { applied: false, reason: "not a bot message about one paper" };
  let paperPk = remembered;
  if (event.papers !== undefined) {
    const ids = [...new Set(event.papers)];
    if (ids.length !== 1) return { applied: false, reason: "no single paper" };
    paperPk = engine.papers.resolve(ids[0] as string);
    if (paperPk === null) return { applied: false, reason: "unknown paper" };
  }
  if (paperPk === null) return { applied: false, reason: "no single paper" };
  const added = store.add({ ...key, workspace: event.workspace, paperPk, at: event.at });
  return added ? { applied: true, kind, paperPk } : { applied: false, reason: "unchanged" };
}

/** The channel's profile now: its reactions, decayed, in the archive's vector space. */
export function channelProfile(
  engine: Paperboy,
  where: ChannelRef,
  now: Date,
  model: InterestModel = INTEREST_MODEL,
): InterestProfile {
  const reactions = engine.store(ReactionStore).forChannel(where);
  return buildProfile(reactions, (pk) => engine.relatedService.vector(pk), now, model);
}

/** How interested the channel is in each paper (by primary key); null when it has no profile. */
export function channelInterest(
  engine: Paperboy,
  where: ChannelRef,
  now: Date,
  model: InterestModel = INTEREST_MODEL,
): ((pk: number) => number) | null {
  const profile = channelProfile(engine, where, now, model);
  if (profile.norm === 0) return null;
  return (pk) => interestOf(profile, engine.relatedService.vector(pk));
}

/** What `settings` and `interests` show: the reactions counted and the profile's top words. */
export interface InterestSummary {
  likes: number;
  stars: number;
  dislikes: number;
  /** The profile's strongest terms, as the liked papers write them ("agents", "video"). */
  terms: string[];
}

export const SUMMARY_TERMS = 8;

export function interestSummary(engine: Paperboy, where: ChannelRef, now: Date): InterestSummary {
  const reactions = engine.store(ReactionStore).forChannel(where);
  const profile = buildProfile(reactions, (pk) => engine.relatedService.vector(pk), now, INTEREST_MODEL);
  const stems = topTerms(profile, SUMMARY_TERMS);
  return {
    likes: profile.counts.like,
    stars: profile.counts.star,
    dislikes: profile.counts.dislike,
    terms: readableTerms(
      engine,
      stems,
      reactions.filter((r) => r.kind !== "dislike").map((r) => r.paperPk),
    ),
  };
}

/** Stems back to the word the liked papers use most for each ("reinforc" → "reinforcement"). */
function readableTerms(engine: Paperboy, stems: readonly string[], pks: readonly number[]): string[] {
  const wanted = new Set(stems);
  const forms = new Map<string, Map<string, number>>();
  for (const paper of engine.papersAt([...new Set(pks)].slice(-50))) {
    for (const w of words(`${paper.title} ${paper.abstract}`)) {
      const stem = termOf(w);
      if (stem === null || !wanted.has(stem)) continue;
      const lower = w.toLowerCase();
      const counts = forms.get(stem) ?? new Map<string, number>();
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
      forms.set(stem, counts);
    }
  }
  return stems.map((s) => {
    const counts = forms.get(s);
    if (!counts) return s;
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? s;
  });
}

/** Forgets the channel's reactions; how many there were. */
export function resetInterests(engine: Paperboy, where: ChannelRef): number {
  return engine.store(ReactionStore).reset(where);
}
