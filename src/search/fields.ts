/** The indexed fields of a paper, in MiniSearch's field-id order. */
export const FIELDS = ["title", "abstract", "authors"] as const;
export type Field = (typeof FIELDS)[number];
