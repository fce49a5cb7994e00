/**
 * Autocomplete for paper ids: as the user types an id or a few words of a title, offer up to 25
 * papers from the engine's suggestions, each named within Discord's choice limits.
 */
import type { Paperboy } from "../../src/paperboy.js";
import { fitText, plainText } from "./escape.js";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from "./limits.js";

export interface Choice {
  name: string;
  value: string;
}

/** At most 25 choices for what the user typed so far; the newest papers when nothing yet. */
export function paperChoices(engine: Paperboy, typed: string): Choice[] {
  return engine
    .suggestPapers(typed, AUTOCOMPLETE_CHOICES_MAX)
    .filter((p) => p.id.length <= CHOICE_VALUE_MAX)
    .map((p) => {
      const suffix = ` · ${p.id}`;
      return { name: fitText(p.title, CHOICE_NAME_MAX - suffix.length, plainText) + suffix, value: p.id };
    });
}
