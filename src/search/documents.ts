/** Archive papers as index documents. */
import type { IndexRow, PaperStore } from "../archive/papers.js";
import type { IndexDoc } from "./paper-index.js";

function authorsText(json: string): string {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((a) => typeof a === "string").join(", ") : "";
  } catch {
    return "";
  }
}

/** Every paper of the archive, streamed. */
export function* allDocuments(store: PaperStore): Generator<IndexDoc> {
  for (const row of store.iterateForIndex()) yield asDocument(row);
}

function asDocument(row: IndexRow): IndexDoc {
  return {
    pk: row.pk,
    title: row.title,
    abstract: row.abstract,
    authors: authorsText(row.authors),
    date: row.date,
    hasCode: row.hasCode,
  };
}

/** The papers of `pks` (those still in the archive) as index documents, in the order asked. */
export function documentsByPk(store: PaperStore, pks: readonly number[]): IndexDoc[] {
  const rows = new Map(store.indexRowsByPk(pks).map((row) => [row.pk, row]));
  return pks.flatMap((pk) => {
    const row = rows.get(pk);
    return row ? [asDocument(row)] : [];
  });
}
