/**
 * `paperboy serve` as a replica process for the replica tests and bench:ops: the real CLI, with
 * the scheduler ticking every second and a 10-second claim lease, so that a roundup held by a
 * SIGKILLed replica is taken over within a test's time (production: every minute, 15 minutes).
 *
 *   node --import tsx test/replicas/serve-entry.ts --config <file> serve
 */
import { main } from "../../app/main.js";
import { createServeCommand } from "../../app/serve.js";

const TEST_LEASE_MS = 10_000;

main(process.argv.slice(2), {
  commands: [createServeCommand({ scheduler: { tickPattern: "* * * * * *", leaseMs: TEST_LEASE_MS } })],
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  },
);
