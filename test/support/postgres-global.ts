/**
 * vitest globalSetup of the "postgres" project: one PostgreSQL server for the whole run, shared
 * by every test file of the project (each archive in it is its own schema), stopped at the end.
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return async () => {
    await server.stop();
  };
}
