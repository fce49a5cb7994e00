/** `code [id]`: a paper's code repositories and other links. */
import { z } from "zod";
import { displayText } from "../../summary/latex.js";
import { chatCommand } from "../command.js";
import { notice } from "../replies.js";
import { optionalPaper, PaperId, paperOrThread } from "./args.js";

export const code = chatCommand({
  name: "code",
  aliases: ["links", "repo"],
  usage: "code <id>",
  summary: "a paper's code and links",
  paper: "thread",
  args: z.object({ id: PaperId.optional() }),
  parse: optionalPaper,
  options: [{ name: "id", kind: "paper" }],
  run({ id }, on) {
    const p = paperOrThread(id, on, "code");
    if (!p.code.length && !p.links.length) {
      return [notice(`"${displayText(p.title)}" (${p.id}) names no code or links in its abstract.`)];
    }
    const lines = [
      ...p.code.map((u) => `code: ${u}`),
      ...p.links.filter((l) => !p.code.includes(l)).map((u) => `link: ${u}`),
    ];
    return [notice(`Code and links of "${displayText(p.title)}" (${p.id}):\n${lines.join("\n")}`)];
  },
});
