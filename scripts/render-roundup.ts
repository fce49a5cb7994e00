/**
 * Renders one day's roundup as each front end posts it, for reviewing the layout:
 *   npx tsx scripts/render-roundup.ts --digest FILE --out DIR [--name NAME]
 * Writes NAME.slack.json (the Block Kit messages), NAME.discord.json (the Discord messages),
 * NAME.console.txt (the terminal text) and, to read them at a glance, NAME.slack.txt and
 * NAME.discord.txt (each message's visible text, markup left as it is sent).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderReply as consoleReply, styleFor } from "../adapters/console/render.js";
import { ButtonCommands } from "../adapters/discord/buttons.js";
import { renderReplies as discordReplies } from "../adapters/discord/render.js";
import { renderReply as slackReply } from "../adapters/slack/render.js";
import { buildRoundup } from "../src/bot/roundup.js";
import { Paperboy } from "../src/paperboy.js";

const { values } = parseArgs({
  options: {
    digest: { type: "string" },
    out: { type: "string" },
    name: { type: "string", default: "roundup" },
  },
});
if (!values.digest || !values.out) {
  process.stderr.write("usage: render-roundup --digest FILE --out DIR [--name NAME]\n");
  process.exit(2);
}
const engine = Paperboy.open({ dbPath: ":memory:" });
engine.ingest([values.digest]);
const date = engine.latestDay() as string;
const reply = buildRoundup(engine, date);
mkdirSync(values.out, { recursive: true });
const file = (ext: string) => join(values.out as string, `${values.name}.${ext}`);

const slack = slackReply(reply);
writeFileSync(file("slack.json"), `${JSON.stringify(slack, null, 2)}\n`);
const slackText = slack.map((m, i) => {
  const blocks = m.blocks.map((b) => {
    const block = b as {
      type: string;
      text?: { text: string };
      elements?: { text?: string | { text: string } }[];
    };
    if (block.text) return `[${block.type}] ${block.text.text}`;
    const parts = (block.elements ?? []).map((e) =>
      typeof e.text === "string" ? e.text : (e.text?.text ?? ""),
    );
    return `[${block.type}] ${parts.join(" | ")}`;
  });
  return `--- message ${i + 1} (${m.blocks.length} blocks) ---\n${blocks.join("\n")}`;
});
writeFileSync(file("slack.txt"), `${slackText.join("\n\n")}\n`);

const discord = discordReplies([reply], new ButtonCommands());
writeFileSync(file("discord.json"), `${JSON.stringify(discord, null, 2)}\n`);
const discordText = discord.map((m, i) => {
  const embeds = m.embeds.map(
    (e) =>
      `[embed] ${e.title ?? ""}\n${e.description ?? ""}${(e.fields ?? []).map((f) => `\n  ${f.name}: ${f.value}`).join("")}${e.footer ? `\n  (${e.footer.text})` : ""}`,
  );
  const buttons = m.components.flatMap((r) => r.components.map((c) => ("label" in c ? `[${c.label}]` : "")));
  return `--- message ${i + 1} ---\n${m.content ?? ""}\n${embeds.join("\n")}${buttons.length ? `\n${buttons.join(" ")}` : ""}`;
});
writeFileSync(file("discord.txt"), `${discordText.join("\n\n")}\n`);

writeFileSync(file("console.txt"), `${consoleReply(reply, styleFor(false))}\n`);
engine.close();
process.stdout.write(`rendered the roundup of ${date} (${reply.shown} papers) into ${values.out}\n`);
