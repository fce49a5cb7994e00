// How far an owed answer got: `sent_parts` counts the messages of the answer known delivered (1,
// 2… in the order the answer posts them) and `sending_part` names the one being posted, marked
// before its POST. A replica taking the answer over resumes after the last sent part, and checks
// a part left "sending" (its replica died between the POST and the mark) by reading the channel
// back for the part's message metadata before posting it again.
import type { Migration } from "./kit.js";

export const owedAnswerProgress: Migration = {
  version: 13,
  name: "owed-answer-progress",
  up: ({ schema }) => [
    schema.alterTable("owed_answers").addColumn("sent_parts", "integer", (c) => c.notNull().defaultTo(0)),
    schema.alterTable("owed_answers").addColumn("sending_part", "integer"),
  ],
};
