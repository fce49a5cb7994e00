/**
 * What a reaction on a paper says: 👍 "more like this", ⭐ "this one especially", 👎 "less like
 * this". Platforms name emoji differently (Slack by shortcode, "+1"; Discord by the character,
 * with skin tones); both spellings are read here, so every adapter passes the name it was given.
 */
export const REACTION_KINDS = ["like", "star", "dislike"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

const NAMES: Record<string, ReactionKind> = {
  "+1": "like",
  thumbsup: "like",
  thumbs_up: "like",
  "👍": "like",
  star: "star",
  star2: "star",
  glowing_star: "star",
  "⭐": "star",
  "🌟": "star",
  "-1": "dislike",
  thumbsdown: "dislike",
  thumbs_down: "dislike",
  "👎": "dislike",
};

/** Skin tones (":+1::skin-tone-3:" on Slack, U+1F3FB–U+1F3FF on Discord) and variation selectors. */
const MODIFIERS = /::skin-tone-\d$|[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;

/** The kind an emoji name stands for (":+1:", "+1::skin-tone-2", "👍🏽", "⭐"); null for any other emoji. */
export function reactionKind(emoji: string): ReactionKind | null {
  const name = emoji.trim().replace(/^:|:$/g, "").replace(MODIFIERS, "").toLowerCase();
  return NAMES[name] ?? null;
}
