/**
 * The threads someone opened about a paper in a channel since a time: how a replica taking over an
 * owed `discuss` tells, without reading the channel, that the dead replica had opened its thread.
 * A reserved binding (the card not yet posted) is no thread; older threads, other askers, other
 * channels and other papers do not count. Runs on both engines.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import { testArchive } from "../support/archive.js";
import { DIGESTS } from "../support/fixtures.js";

describe("threads opened since", () => {
  it("lists the asker's bound threads on that paper in that channel since then, newest first", () => {
    const clock = new ManualClock("2025-08-13T09:00:00Z");
    const engine = Paperboy.open({ dbPath: testArchive({ memory: true }), clock, indexPath: null });
    try {
      engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
      const [one, two] = engine.papers.dayPks("2025-08-12").map((pk) => engine.papers.byPk(pk)?.id as string);
      const here = { platform: "slack", workspace: "T1", channel: "C1", createdBy: "U1" };
      const since = clock.now();
      const opened = () =>
        engine.threadsOpenedSince(
          one as string,
          { platform: "slack", channel: "C1", createdBy: "U1" },
          since,
        );

      clock.advance(-1000);
      engine.openThread(one as string, { ...here, thread: "100.1" });
      clock.advance(2000);
      const reserved = engine.reserveThread(one as string, here);
      expect(opened()).toEqual([]);
      reserved.bind("200.2");
      clock.advance(1000);
      engine.openThread(one as string, { ...here, thread: "300.3" });
      engine.openThread(two as string, { ...here, thread: "400.4" });
      engine.openThread(one as string, { ...here, createdBy: "U2", thread: "500.5" });
      engine.openThread(one as string, { ...here, channel: "C2", thread: "600.6" });
      engine.reserveThread(one as string, here);

      expect(opened()).toEqual(["300.3", "200.2"]);
    } finally {
      engine.close();
    }
  });
});
