import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const DIGESTS = `${FIXTURES}digests/`;
export const HOSTILE = `${DIGESTS}hostile/`;
export const SAMPLE_DAYS = ["2026-02-02", "2026-02-03", "2026-02-04"] as const;

export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, "utf8");
}

export interface ExpectedDay {
  date: string;
  papers: { id: string; title: string; abstract: string; github: string | null }[];
}

export function expectedDay(date: string): ExpectedDay {
  return JSON.parse(readFixture(`digests/${date}.expected.json`)) as ExpectedDay;
}
