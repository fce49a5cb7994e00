/**
 * Titles are digest text and may hold the source's LaTeX leftovers ("Beyond ell_1 sparse coding in
 * V1"): every chat reply that names a paper shows its display form, as cards already did.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

const said = (replies: Reply[]) => JSON.stringify(replies);

describe("paper titles in chat replies", () => {
  it("roundup, code, related, discuss, note and queue show ℓ₁, never ell_1", async () => {
    h = botHarness();
    const id = h.engine.search({ text: "Beyond ell_1 sparse coding V1" }).results[0]?.id as string;
    expect(h.engine.paper(id)?.title).toBe("Beyond ell_1 sparse coding in V1");
    for (const text of [
      "roundup 2025-08-12",
      `code ${id}`,
      `related ${id}`,
      `discuss ${id}`,
      `note ${id} worth a read`,
      `queue add ${id}`,
    ]) {
      const out = said(await h.adapter.say(text));
      expect(out, text).toContain("Beyond ℓ₁ sparse coding in V1");
      expect(out, text).not.toContain("ell_1 sparse");
    }
  });
});
