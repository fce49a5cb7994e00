/**
 * Search by the channel's notes reads notes and queries with the one text analysis the paper
 * search uses: accents folded, letter compounds joined, a link's words kept.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Reply, ResultList } from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

function noteHits(replies: Reply[]): string[] {
  const lists = replies.filter((r): r is ResultList => r.kind === "results");
  const fromNotes = lists.find((l) => l.title.startsWith("From this channel's notes"));
  return fromNotes ? fromNotes.items.map((i) => i.id) : [];
}

describe("search by notes", () => {
  it("finds a note as people type its words: without accents, joined or hyphened, by a link's site", async () => {
    h = botHarness();
    const [a, b, c] = h.engine.papers
      .day("2025-08-12")
      .slice(0, 3)
      .map((p) => p.id) as [string, string, string];
    await h.adapter.say(`note ${a} Fréchet distance numbers match ours`);
    await h.adapter.say(`note ${b} their k-means baseline is weak`);
    await h.adapter.say(`note ${c} code at https://github.com/example/repo`);
    expect(noteHits(await h.adapter.say("search frechet distance"))).toEqual([a]);
    expect(noteHits(await h.adapter.say("search kmeans baseline"))).toEqual([b]);
    expect(noteHits(await h.adapter.say("search K-Means"))).toEqual([b]);
    expect(noteHits(await h.adapter.say("search github"))).toEqual([c]);
    // Every word of the query must be in the note; stopwords alone find nothing.
    expect(noteHits(await h.adapter.say("search frechet baseline"))).toEqual([]);
    expect(noteHits(await h.adapter.say("search the of"))).toEqual([]);
  });
});
