/**
 * Saved-search alerts: which new papers each channel's watches match, grouped per channel and
 * digest day (several watches matching one paper make one entry that names them all), and the
 * alert reply that lists them.
 */
import type { AlertMatch, RecentPaper, Watch } from "../archive/watches.js";
import { paperLite } from "../bot/cards.js";
import type { ResultList } from "../bot/replies.js";
import type { Paperboy } from "../paperboy.js";
import { matchWatches, type PaperToMatch, type WatchToMatch } from "./matcher.js";
import { relevanceContext } from "./relevance-context.js";
import { shippedWatchModel, type WatchModel } from "./watch-model.js";

/** Papers one alert post lists; the rest are counted and one command away (`watches <n>`). */
export const ALERT_PAPERS_SHOWN = 10;

export interface ChannelAlerts {
  place: { platform: string; workspace: string; channel: string };
  /** Matches per digest date, best first. */
  byDate: Map<string, AlertMatch[]>;
}

export function channelKey(c: { platform: string; channel: string }): string {
  return `${c.platform}:${c.channel}`;
}

function toMatch(w: Watch): WatchToMatch {
  const out: WatchToMatch = {
    key: `${channelKey(w)}:${w.n}`,
    query: w.query,
    createdAt: w.createdAt,
  };
  if (w.filters.since) out.since = w.filters.since;
  if (w.filters.until) out.until = w.filters.until;
  if (w.filters.hasCode) out.hasCode = true;
  return out;
}

/** Every channel's matches among `papers`, by channel key. */
export function findAlerts(
  engine: Paperboy,
  watches: readonly Watch[],
  papers: readonly RecentPaper[],
  model: WatchModel = shippedWatchModel(),
): Map<string, ChannelAlerts> {
  const out = new Map<string, ChannelAlerts>();
  if (watches.length === 0 || papers.length === 0) return out;
  const context = relevanceContext(engine.searchService.scoringParts());
  const toMatch_: PaperToMatch[] = papers.map((p) => ({
    pk: p.pk,
    date: p.date,
    hasCode: p.hasCode,
    createdAt: p.createdAt,
  }));
  const hits = matchWatches(context, model, watches.map(toMatch), toMatch_);
  const dateOf = new Map(papers.map((p) => [p.pk, p.date]));
  for (const w of watches) {
    const found = hits.get(`${channelKey(w)}:${w.n}`);
    if (!found) continue;
    const key = channelKey(w);
    let channel = out.get(key);
    if (!channel) {
      channel = {
        place: { platform: w.platform, workspace: w.workspace, channel: w.channel },
        byDate: new Map(),
      };
      out.set(key, channel);
    }
    for (const hit of found) {
      const date = dateOf.get(hit.pk) as string;
      let list = channel.byDate.get(date);
      if (!list) {
        list = [];
        channel.byDate.set(date, list);
      }
      const same = list.find((m) => m.paperPk === hit.pk);
      if (same) {
        same.watches.push(w.n);
        same.score = Math.max(same.score, hit.score);
      } else list.push({ paperPk: hit.pk, watches: [w.n], score: hit.score });
    }
  }
  for (const channel of out.values())
    for (const list of channel.byDate.values())
      list.sort((a, b) => b.score - a.score || a.paperPk - b.paperPk);
  return out;
}

/** "#2 sparse attention (has:code)": a watch as a line names it. */
export function watchLabel(w: Pick<Watch, "n" | "query" | "filters">): string {
  const f = [
    w.filters.since ? `since:${w.filters.since}` : "",
    w.filters.until ? `until:${w.filters.until}` : "",
    w.filters.hasCode ? "has:code" : "",
  ].filter(Boolean);
  return `#${w.n} ${w.query}${f.length ? ` (${f.join(" ")})` : ""}`;
}

/** The alert post: the day's new papers for the channel's watches, best first, each naming its watches. */
export function alertReply(
  engine: Paperboy,
  date: string,
  matches: readonly AlertMatch[],
  watches: readonly Watch[],
): ResultList {
  const byN = new Map(watches.map((w) => [w.n, w]));
  const shown = matches.slice(0, ALERT_PAPERS_SHOWN);
  const papers = engine.papersAt(shown.map((m) => m.paperPk));
  const byPk = new Map(shown.map((m, i) => [m.paperPk, papers[i]]));
  const items = shown.flatMap((m) => {
    const paper = byPk.get(m.paperPk);
    if (!paper) return [];
    const lite = paperLite(engine, paper);
    // A watch removed since the match is still named by its number, so the line stays true.
    lite.watches = m.watches.map((n) => {
      const w = byN.get(n);
      return w ? watchLabel(w) : `#${n} (removed)`;
    });
    return [lite];
  });
  const list: ResultList = {
    kind: "results",
    title: `New papers for this channel's watches (${date})`,
    items,
    total: matches.length,
    offset: 0,
  };
  if (matches.length > shown.length) {
    const rest = matches.slice(ALERT_PAPERS_SHOWN);
    const n = rest[0]?.watches[0];
    if (n !== undefined) list.next = { kind: "more", label: "More", command: `watches ${n}` };
  }
  return list;
}
