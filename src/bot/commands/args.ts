/** Argument pieces several chat commands share: a paper id, a page offset, `key:value` flags. */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { MAX_OFFSET } from "../../search/service.js";
import type { Paper } from "../../types.js";
import type { CommandRun } from "../command.js";

export const PaperId = z.string().trim().min(1, "needs a paper id").max(200, "is too long for a paper id");
export const Offset = z
  .number({ error: "must be a whole number, e.g. offset:5" })
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  // Beyond it the engine refuses (in the CLI's words); lists stop offering "More" there.
  .max(MAX_OFFSET, `goes up to ${MAX_OFFSET}; narrow the search instead`)
  .default(0);

/** `since:2026-01-01`, `--until=…`, `offset:5`, `has:code`. */
export const FLAG = /^(?:--)?(since|until|offset|has)[:=](.+)$/i;

export function words(rest: string): string[] {
  return rest.split(/\s+/).filter(Boolean);
}

/** `{ id }` from the first word; the id left empty (to be refused by name) when there is none. */
export function requiredPaper(rest: string): Record<string, unknown> {
  return { id: words(rest)[0] ?? "" };
}

/** `{ id }` from the first word, or nothing (inside a discussion thread the thread names the paper). */
export function optionalPaper(rest: string): Record<string, unknown> {
  const id = words(rest)[0];
  return id ? { id } : {};
}

/** The paper `id` names, else the discussion thread's; a clear error outside a thread. */
export function paperOrThread(id: string | undefined, on: CommandRun, command: string): Paper {
  if (id) return on.engine.paper(id);
  if (on.thread) return on.thread;
  throw new PaperboyError(
    ErrorCode.InvalidArgument,
    `\`${command}\` needs a paper id (or use it inside a discussion thread)`,
  );
}
