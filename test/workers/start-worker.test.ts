/**
 * A worker started through the shared starter runs at a background priority (its own thread's
 * nice value, Linux), while the main thread's stays as it was; elsewhere nothing is changed.
 */

import { once } from "node:events";
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE_STEP, lowerThisThread } from "../../src/workers/background-priority.js";
import { startWorker } from "../../src/workers/start-worker.js";

describe("background worker priority", () => {
  it("lowers the worker's own thread and not the main thread's", async () => {
    const main = getPriority(0);
    const worker = startWorker(import.meta.url, "priority-probe", {});
    try {
      const [inWorker] = (await once(worker, "message")) as [number];
      expect(inWorker).toBe(process.platform === "linux" ? Math.min(19, main + BACKGROUND_NICE_STEP) : main);
      expect(getPriority(0)).toBe(main);
    } finally {
      await worker.terminate();
    }
  });

  it("does not touch a priority where it is the whole process's", () => {
    const main = getPriority(0);
    for (const os of ["darwin", "win32"] as const) {
      const outcome = lowerThisThread(BACKGROUND_NICE_STEP, os);
      expect(outcome).toMatchObject({ lowered: false, refused: false });
    }
    expect(getPriority(0)).toBe(main);
  });
});
