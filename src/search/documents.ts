/** Archive papers as index documents. */
import type { PaperStore } from "../archive/papers.js";
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
  for (const row of store.iterateForIndex()) {
    yield {
      pk: row.pk,
      title: row.title,
      abstract: row.abstract,
      authors: authorsText(row.authors),
      date: row.date,
      hasCode: row.hasCode,
    };
  }
}

export function documentsByPk(store: PaperStore, pks: readonly number[]): IndexDoc[] {
  // byPks keeps the order asked and leaves out missing keys; papers are never deleted, so the
  // lists line up (and when they do not, asking one by one keeps the pairing right).
  const papers = store.byPks(pks);
  const pairs =
    papers.length === pks.length
      ? papers.map((p, i) => ({ pk: pks[i] as number, p }))
      : pks.flatMap((pk) => {
          const p = store.byPk(pk);
          return p ? [{ pk, p }] : [];
        });
  return pairs.map(({ pk, p }) => ({
    pk,
    title: p.title,
    abstract: p.abstract,
    authors: p.authors.join(", "),
    date: p.date,
    hasCode: p.code.length > 0,
  }));
}
