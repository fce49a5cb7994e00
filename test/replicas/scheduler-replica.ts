/**
 * One scheduler replica in its own process, for test/replicas/claims.test.ts: opens the archive at
 * `url` with a test adapter, says "ready", waits for "go" on stdin (so that replicas tick at the
 * same moments), ticks every 20 s of its manual clock from `from` to `until`, and prints the
 * channels it posted as JSON. With `hang`, the first post never ends (a replica stuck mid-post,
 * to be SIGKILLed): it prints "posting <channel>" first.
 *
 *   node --import tsx test/replicas/scheduler-replica.ts <url> <id> <post|hang> <from> <until>
 */
import { createInterface } from "node:readline";
import { ManualClock } from "../../src/clock.js";
import { instance, roundups } from "../scheduler/harness.js";

const [url, id, mode, from, until] = process.argv.slice(2) as [string, string, string, string, string];
const clock = new ManualClock(from);
const replica = instance(url, clock, { id });
if (mode === "hang") {
  replica.adapter.post = async (target) => {
    process.stdout.write(`posting ${target.channel}\n`);
    return new Promise<string[]>(() => {});
  };
}
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === "go") break;
lines.close();
const end = new Date(until).getTime();
while (clock.now().getTime() <= end) {
  await replica.scheduler.tick();
  clock.advance(20_000);
}
process.stdout.write(`${JSON.stringify({ posted: roundups(replica).map((r) => r.channel) })}\n`);
await replica.close();
