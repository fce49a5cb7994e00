/**
 * The archive and search service as the engine wires them (Paperboy: store, SearchService with
 * its index beside the database, `sync()` after an ingest that changed papers), without the
 * engine's other services, which the search figures do not involve.
 */
import { type Db, openDatabase } from "../../src/archive/db.js";
import { PaperStore } from "../../src/archive/papers.js";
import { systemClock } from "../../src/clock.js";
import { ingestAll } from "../../src/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { SearchService } from "../../src/search/service.js";

export interface SearchArchive {
  db: Db;
  store: PaperStore;
  search: SearchService;
  ingest(files: string[]): void;
  close(): void;
}

export function openSearchArchive(dbPath: string, options: { persist?: boolean } = {}): SearchArchive {
  const db = openDatabase(dbPath);
  const store = new PaperStore(db, systemClock);
  const search = new SearchService(store, {
    indexPath: options.persist === false ? null : `${dbPath}.search`,
    logger: silentLogger(),
  });
  return {
    db,
    store,
    search,
    ingest(files) {
      const report = ingestAll(store, files, { format: "jsonl", timeZone: "UTC", now: systemClock.now() });
      if (report.files.some((f) => f.changed.length)) search.sync();
    },
    close() {
      db.close();
    },
  };
}
