/** Pulling one day from a source into the archive: the step `paperboy fetch` and the scheduler share. */
import type { IngestReport } from "../ingest.js";
import type { Paperboy } from "../paperboy.js";
import type { DigestSource } from "./source.js";

export async function fetchAndIngest(
  engine: Paperboy,
  source: DigestSource,
  date: string,
  signal?: AbortSignal,
): Promise<IngestReport> {
  const day = await source.fetchDay(date, signal);
  return engine.ingest([day.path], { date });
}
