/** `today`: the newest digest's papers. */
import { z } from "zod";
import { chatCommand } from "../command.js";
import { notice } from "../replies.js";
import { dayList } from "./day.js";

export const today = chatCommand({
  name: "today",
  usage: "today",
  summary: "the newest digest's papers",
  args: z.object({}),
  async run(_args, { engine, pageSize }) {
    const date = engine.latestDay();
    if (!date) return [notice("The archive is empty: no digest has been ingested yet.")];
    return [await dayList(engine, date, 0, pageSize)];
  },
});
