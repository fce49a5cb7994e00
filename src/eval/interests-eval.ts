/**
 * The offline measure of personalized roundups (docs/interests.md): simulated channels that like
 * two themes of the topic gold days react to papers on the first days, and the next day's papers
 * are ranked for them. Precision@5 of the channel's order against the same day by upvotes alone;
 * relevant = a paper of a liked theme that day, as the gold's reader grouped it.
 *
 * The themes file (test/fixtures/eval/interests/themes.json) aligns gold topics across days by
 * hand. Scenarios: dev = reactions on 2026-02-03, scored on 2026-02-06 (settings are chosen there);
 * test = reactions on 2026-02-03 and 2026-02-06, scored on 2026-02-16 (only reported).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { channelOrder, featured, type OrderSettings } from "../interests/order.js";
import { buildProfile, type InterestSettings, interestOf, type ReactionRow } from "../interests/profile.js";
import { Paperboy } from "../paperboy.js";
import { seeded } from "../random.js";

const ThemesFile = z.object({
  days: z.array(z.string()),
  themes: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
});
const GoldFile = z.object({
  day: z.string(),
  topics: z.array(z.object({ label: z.string(), papers: z.array(z.string()) })),
});

export interface Scenario {
  name: string;
  reactionDays: string[];
  scoredDay: string;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: "dev", reactionDays: ["2026-02-03"], scoredDay: "2026-02-06" },
  { name: "test", reactionDays: ["2026-02-03", "2026-02-06"], scoredDay: "2026-02-16" },
];

/** Reactions a simulated channel gives per day: likes per liked theme, dislikes elsewhere. */
export const LIKES_PER_THEME = 3;
export const DISLIKES_PER_DAY = 1;
export const SEEDS = 10;
export const K = 5;

export interface InterestsEvalData {
  engine: Paperboy;
  /** Papers in the archive (the vector space's corpus). */
  corpus: number;
  /** day → theme → pks of that theme's papers that day. */
  themePapers: Map<string, Map<string, number[]>>;
  /** day → every pk of the day. */
  dayPapers: Map<string, number[]>;
  themes: string[];
  close(): void;
}

/** Loads the digests (every `*.hf-api.json` of the folder) into an in-memory archive, and the gold. */
export function loadInterestsEval(paths: {
  digests: string;
  gold: string;
  themes: string;
}): InterestsEvalData {
  const themesFile = ThemesFile.parse(JSON.parse(readFileSync(paths.themes, "utf8")));
  const engine = Paperboy.open({ dbPath: ":memory:" });
  const files = readdirSync(paths.digests)
    .filter((f) => f.endsWith(".hf-api.json"))
    .sort()
    .map((f) => join(paths.digests, f));
  engine.ingest(files);
  const themePapers = new Map<string, Map<string, number[]>>();
  const dayPapers = new Map<string, number[]>();
  for (const day of themesFile.days) {
    const gold = GoldFile.parse(JSON.parse(readFileSync(join(paths.gold, `${day}.gold.json`), "utf8")));
    const pkOf = (id: string) => {
      const pk = engine.papers.resolve(id);
      if (pk === null) throw new Error(`${day}: gold paper ${id} is not in the digests of ${paths.digests}`);
      return pk;
    };
    const byLabel = new Map(gold.topics.map((t) => [t.label, t.papers.map(pkOf)]));
    dayPapers.set(day, engine.papers.dayPks(day));
    const perTheme = new Map<string, number[]>();
    for (const [theme, days] of Object.entries(themesFile.themes)) {
      perTheme.set(
        theme,
        (days[day] ?? []).flatMap((label) => {
          const pks = byLabel.get(label);
          if (!pks) throw new Error(`${paths.themes}: ${day} has no gold topic "${label}"`);
          return pks;
        }),
      );
    }
    themePapers.set(day, perTheme);
  }
  return {
    engine,
    corpus: engine.archiveStats().papers,
    themePapers,
    dayPapers,
    themes: Object.keys(themesFile.themes),
    close: () => engine.close(),
  };
}

function pick<T>(list: readonly T[], n: number, random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

/** The reactions a channel liking `liked` gives on `days` (seeded). */
export function simulatedReactions(
  data: InterestsEvalData,
  liked: readonly string[],
  days: readonly string[],
  seed: number,
): ReactionRow[] {
  const random = seeded(seed);
  const rows: ReactionRow[] = [];
  for (const day of days) {
    const themes = data.themePapers.get(day) as Map<string, number[]>;
    const likedPks = new Set<number>();
    for (const theme of liked) {
      for (const pk of pick(themes.get(theme) ?? [], LIKES_PER_THEME, random)) {
        likedPks.add(pk);
        rows.push({ paperPk: pk, kind: "like", at: `${day}T12:00:00Z` });
      }
    }
    const inLiked = new Set(liked.flatMap((t) => themes.get(t) ?? []));
    const others = (data.dayPapers.get(day) ?? []).filter((pk) => !inLiked.has(pk));
    for (const pk of pick(others, DISLIKES_PER_DAY, random))
      rows.push({ paperPk: pk, kind: "dislike", at: `${day}T12:00:00Z` });
  }
  return rows;
}

export interface EvalSettings extends InterestSettings, OrderSettings {}

export interface ScenarioScore {
  scenario: string;
  /** Channels scored (theme pairs × seeds). */
  channels: number;
  personalized: number;
  upvotesOnly: number;
  /** The best any order could do (some pairs have fewer than 5 relevant papers that day). */
  ideal: number;
  /** Share of the "For this channel" papers shown that are relevant. */
  featuredPrecision: number;
  /**
   * (relevant − irrelevant papers shown) / places: a paper is worth showing there only when it is
   * more likely right than wrong. What the section's floor is chosen by.
   */
  featuredNet: number;
  /** Papers the section held, on average. */
  featuredShown: number;
  scoredPapers: number;
}

export function scoreScenario(
  data: InterestsEvalData,
  scenario: Scenario,
  settings: EvalSettings,
): ScenarioScore {
  const day = scenario.scoredDay;
  const pks = data.dayPapers.get(day) as number[];
  const papers = data.engine.papersAt(pks);
  const vectors = pks.map((pk) => data.engine.relatedService.vector(pk));
  const themes = data.themePapers.get(day) as Map<string, number[]>;
  let channels = 0;
  let sumP = 0;
  let sumU = 0;
  let sumIdeal = 0;
  let sumFeatured = 0;
  let shown = 0;
  let hits = 0;
  const upvoteOrder = channelOrder(
    papers.map((p) => ({ interest: 0, upvotes: p.upvotes })),
    { ...settings, blend: { interest: 0, upvotes: 1 } },
  );
  for (let a = 0; a < data.themes.length; a++) {
    for (let b = a + 1; b < data.themes.length; b++) {
      const liked = [data.themes[a] as string, data.themes[b] as string];
      const relevant = new Set(liked.flatMap((t) => themes.get(t) ?? []));
      if (relevant.size === 0) continue;
      const atK = (order: readonly number[]) =>
        order.slice(0, K).filter((i) => relevant.has(pks[i] as number)).length / K;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const rows = simulatedReactions(data, liked, scenario.reactionDays, seed * 1000 + a * 31 + b);
        const profile = buildProfile(
          rows,
          (pk) => data.engine.relatedService.vector(pk),
          new Date(`${day}T08:00:00Z`),
          settings,
        );
        const items = papers.map((p, i) => ({
          interest: interestOf(profile, vectors[i] ?? null),
          upvotes: p.upvotes,
        }));
        channels++;
        sumP += atK(channelOrder(items, settings));
        sumU += atK(upvoteOrder);
        sumIdeal += Math.min(K, relevant.size) / K;
        const picked = featured(items, settings);
        const right = picked.filter((i) => relevant.has(pks[i] as number)).length;
        shown += picked.length;
        hits += right;
        sumFeatured += (2 * right - picked.length) / settings.featured.max;
      }
    }
  }
  const mean = (x: number) => (channels ? x / channels : 0);
  return {
    scenario: scenario.name,
    channels,
    personalized: mean(sumP),
    upvotesOnly: mean(sumU),
    ideal: mean(sumIdeal),
    featuredPrecision: shown ? hits / shown : 0,
    featuredNet: mean(sumFeatured),
    featuredShown: mean(shown),
    scoredPapers: pks.length,
  };
}

export function formatScore(s: ScenarioScore, corpus: number): string {
  const f = (x: number) => x.toFixed(3);
  return `${s.scenario}: P@5 personalized ${f(s.personalized)} vs upvotes-only ${f(s.upvotesOnly)} (ideal ${f(s.ideal)}); "For this channel" ${s.featuredShown.toFixed(2)} papers shown, ${f(s.featuredPrecision)} of them relevant; ${s.channels} channels, ${s.scoredPapers} papers scored, archive of ${corpus} papers`;
}
