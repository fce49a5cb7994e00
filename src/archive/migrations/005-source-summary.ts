// The source's own one-line summary of a paper (the Hugging Face API's `ai_summary`): kept so that
// `show`, topics and `ask` can use it, always labelled as the source's. Null where a source has none.
import type { Migration } from "./kit.js";

export const sourceSummary: Migration = {
  version: 5,
  name: "source-summary",
  up: ({ schema }) => [schema.alterTable("papers").addColumn("source_summary", "text")],
};
