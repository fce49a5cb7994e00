/** Roundup replies for renderer tests: an oversized day (200 papers, huge titles, hostile text). */
import type { RoundupPaper, RoundupReply } from "../../src/bot/replies.js";

const HOSTILE_BITS = [
  "<!channel>",
  "@everyone",
  "*bold*",
  "`code`",
  "[x](http://evil.example)",
  "\u001b[31mred",
];
const words = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

export function oversizedPaper(t: number, i: number, introduced: boolean): RoundupPaper {
  const id = `26${String(t).padStart(2, "0")}.${String(i).padStart(5, "0")}`;
  const paper: RoundupPaper = {
    id,
    title: `${HOSTILE_BITS[i % HOSTILE_BITS.length]} Paper ${t}.${i} ${words("title", i % 7 === 0 ? 400 : 12)}`,
    url: `https://arxiv.org/abs/${id}`,
    code: i % 3 === 0 ? [`https://github.com/org/repo-${t}-${i}`] : [],
    upvotes: i % 4 === 0 ? null : 200 - i,
  };
  if (introduced)
    paper.tldr = `${HOSTILE_BITS[(i + 1) % HOSTILE_BITS.length]} ${words("tldr", i === 0 ? 2000 : 30)}`;
  return paper;
}

/** 200 papers in 8 topics (one of 120 papers), the last one "Other"; two TL;DRs per topic. */
export function oversizedRoundup(): RoundupReply {
  const sizes = [120, 20, 15, 15, 10, 10, 6, 4];
  const topics = sizes.map((size, t) => ({
    label: t === sizes.length - 1 ? "Other" : `Topic ${t} <!here> ${words("label", t === 1 ? 80 : 2)}`,
    other: t === sizes.length - 1,
    papers: Array.from({ length: size }, (_, i) => oversizedPaper(t, i, i < 2 && t < sizes.length - 1)),
  }));
  return {
    kind: "roundup",
    date: "2026-02-03",
    count: 200,
    shown: 200,
    headline: "200 papers today: 120 on topic 0, 20 on topic 1, 15 on topic 2, and 4 more topics.",
    topics,
  };
}

/** A roundup of 70 one-paper topics (2025-08-12): more blocks than one Slack message holds. */
export function seventyTopicRoundup(): RoundupReply {
  const topics = Array.from({ length: 70 }, (_, t) => ({
    label: `Topic ${t}`,
    other: false,
    papers: [{ id: `pb-${t}`, title: `Paper ${t}`, url: null, code: [], upvotes: null, tldr: "A TL;DR." }],
  }));
  return {
    kind: "roundup",
    date: "2025-08-12",
    count: 70,
    shown: 70,
    headline: "70 papers on 2025-08-12.",
    topics,
  };
}
