/** `day <YYYY-MM-DD>`: one digest day's papers, paged by "More". */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../../errors.js";
import type { Paperboy } from "../../paperboy.js";
import { IsoDateSchema } from "../../validators.js";
import { paperLite } from "../cards.js";
import { chatCommand } from "../command.js";
import type { ResultList } from "../replies.js";
import { FLAG, Offset, words } from "./args.js";

/**
 * A day's page: twice a search page, since a day's list is read top to bottom. Its TL;DRs are
 * computed in slices of the event loop (a large day's papers are rarely summarized yet).
 */
export async function dayList(
  engine: Paperboy,
  date: string,
  offset: number,
  pageSize: number,
): Promise<ResultList> {
  const { papers, total } = engine.dayPage(date, offset, pageSize * 2);
  if (total === 0)
    throw new PaperboyError(
      ErrorCode.UnknownDay,
      `no digest for ${date} in the archive; \`today\` shows the newest day`,
    );
  await engine.prepareSummaries(papers);
  const list: ResultList = {
    kind: "results",
    title: `Papers of ${date}`,
    items: papers.map((p) => paperLite(engine, p)),
    total,
    offset,
  };
  const next = offset + papers.length;
  if (next < total) list.next = { kind: "more", label: "More", command: `day ${date} offset:${next}` };
  return list;
}

export const day = chatCommand({
  name: "day",
  usage: "day <YYYY-MM-DD>",
  summary: "the papers of one digest day",
  args: z.object({ date: IsoDateSchema, offset: Offset }),
  parse(rest) {
    const [date, ...more] = words(rest);
    const offset = more.map((m) => FLAG.exec(m)).find((f) => f?.[1]?.toLowerCase() === "offset")?.[2];
    return { date: date ?? "", ...(offset ? { offset: Number(offset) } : {}) };
  },
  options: [{ name: "date", kind: "date", description: "The day (YYYY-MM-DD)", required: true }],
  run: async ({ date, offset }, { engine, pageSize }) => [await dayList(engine, date, offset, pageSize)],
});
