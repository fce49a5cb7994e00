import { describe, expect, it } from "vitest";
import { buildRoundup, ROUNDUP_TLDRS_PER_TOPIC, roundupHeadline } from "../../src/bot/roundup.js";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import { testArchive } from "../support/archive.js";
import { DIGESTS } from "../support/fixtures.js";

function engineOn(day: string): Paperboy {
  const engine = Paperboy.open({
    dbPath: testArchive({ memory: true }),
    clock: new ManualClock(`${day}T09:00:00Z`),
  });
  engine.ingest([`${DIGESTS}2026-02-03.hf-api.json`, `${DIGESTS}2026-02-04.hf-api.json`]);
  return engine;
}

describe("the roundup reply", () => {
  it("opens with one line naming the biggest topics, says 'today' on the day, and lists every paper once", () => {
    const engine = engineOn("2026-02-03");
    const r = buildRoundup(engine, "2026-02-03");
    expect(r.shown).toBe(64);
    const [a, b, c] = r.topics.filter((t) => !t.other);
    const lower = (l: string) =>
      /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)*(?: |$)/u.test(l) ? l.charAt(0).toLowerCase() + l.slice(1) : l;
    expect(r.headline).toBe(
      `64 papers today: ${a?.papers.length} on ${lower(a?.label ?? "")}, ${b?.papers.length} on ${lower(b?.label ?? "")}, ${c?.papers.length} on ${lower(c?.label ?? "")}, and ${r.topics.filter((t) => !t.other).length - 3} more topics.`,
    );
    expect(r.topics.flatMap((t) => t.papers.map((p) => p.id)).sort()).toHaveLength(64);
    expect(buildRoundup(engineOn("2026-02-05"), "2026-02-03").headline).toMatch(/^64 papers on 2026-02-03: /);
  });

  it("gives a TL;DR to a topic's first two papers only (none in Other), best upvoted first (the heading's own papers before the rest), with links and upvotes", () => {
    const r = buildRoundup(engineOn("2026-02-03"), "2026-02-03");
    for (const t of r.topics) {
      const withTldr = t.papers.filter((p) => p.tldr !== undefined).length;
      expect(withTldr).toBe(t.other ? 0 : Math.min(ROUNDUP_TLDRS_PER_TOPIC, t.papers.length));
      expect(t.papers.slice(0, withTldr).every((p) => p.tldr)).toBe(true);
      // Best upvoted first among the papers the heading speaks for, then among the rest (topics.ts):
      // at most two runs, each by upvotes.
      const votes = t.papers.map((p) => p.upvotes ?? -1);
      const rises = votes.filter((v, i) => i > 0 && v > (votes[i - 1] as number)).length;
      expect(rises, t.label).toBeLessThanOrEqual(1);
      for (const p of t.papers) expect(p.url).toBe(`https://arxiv.org/abs/${p.id}`);
    }
  });

  it("a range and a channel's filters say so in the opening line", () => {
    const engine = engineOn("2026-02-04");
    const range = buildRoundup(engine, "2026-02-03", { until: "2026-02-04" });
    expect(range.until).toBe("2026-02-04");
    expect(range.headline).toMatch(/^107 papers from 2026-02-03 to 2026-02-04: /);
    const filtered = buildRoundup(engine, "2026-02-04", { filters: ["agent"] });
    expect(filtered.headline).toMatch(new RegExp(`^${filtered.shown} papers of 43 today`));
    expect(filtered.shown).toBeLessThan(43);
  });

  it("words small days plainly", () => {
    expect(
      roundupHeadline(1, [{ label: "Other", other: true, papers: [] }], {
        today: true,
        date: "d",
        count: 1,
        filtered: false,
      }),
    ).toBe("1 paper today.");
    const one = [
      {
        label: "LLM agents",
        other: false,
        papers: [{ id: "a", title: "A", url: null, code: [], upvotes: null }],
      },
    ];
    expect(roundupHeadline(1, one, { today: false, date: "2026-02-03", count: 1, filtered: false })).toBe(
      "1 paper on 2026-02-03: 1 on LLM agents.",
    );
  });
});
