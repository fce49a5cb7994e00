/**
 * Agreement of the roundup's topics with a person's grouping of whole days (ARI, NMI; "Other" one
 * group), beside plain k-means and the method before issue 17:
 *   npx tsx scripts/eval-topics.ts [--gold FILE|DIR] [--digests DIR]
 * Defaults: the gold days in test/fixtures/eval/topics/ and the digests in test/fixtures/digests/
 * (each gold day needs its `<day>.hf-api.json` in the digests folder).
 */
import { parseArgs } from "node:util";
import { agreementTable, DIGEST_DIR, GOLD_DIR, goldFiles, loadGoldDay } from "../bench/lib/topics-eval.js";

const { values } = parseArgs({
  options: { gold: { type: "string", default: GOLD_DIR }, digests: { type: "string", default: DIGEST_DIR } },
});
const days = goldFiles(String(values.gold)).map((f) => loadGoldDay(f, String(values.digests)));
for (const line of agreementTable(days)) console.log(line);
