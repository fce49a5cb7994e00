import type { PaperCard } from "../../src/bot/replies.js";

/** Mentions and markup around 15,000 characters: what a hostile digest field can carry. */
export const HOSTILE_LONG_TEXT = `<!channel> @everyone **bold** ${"word ".repeat(3000)}`;

/** A plain paper card with nothing optional; a test adds the part it renders. */
export function bareCard(parts: Partial<PaperCard> = {}): PaperCard {
  return {
    kind: "paper",
    id: "2601.23265",
    title: "A paper",
    date: "2026-02-03",
    authors: [],
    tldr: "We propose a model that plans with small language models on many tasks.",
    keyResults: [],
    links: [],
    code: [],
    url: null,
    actions: [],
    ...parts,
  };
}
