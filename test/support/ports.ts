/** Loopback ports for tests of unreachable services. */
import { createServer } from "node:net";

/** A loopback port nothing listens on (free a moment ago; a test may listen on it later). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
