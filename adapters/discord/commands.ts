/**
 * The `/papers` application command (built with discord.js's builders, which validate names and
 * lengths), and the mapping from an interaction's options to the core's structured command.
 */
import {
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from "discord.js";
import { COMMAND_DOCS } from "../../src/bot/commands.js";

export const ROOT_COMMAND = "papers";

/** Options that autocomplete paper titles and ids. */
export const PAPER_ID_OPTION = "id";

type Sub = SlashCommandSubcommandBuilder;

const idOption = (sub: Sub, required: boolean) =>
  sub.addStringOption((o) =>
    o
      .setName(PAPER_ID_OPTION)
      .setDescription("arXiv id, paperboy id or link; type a few words of the title to pick")
      .setRequired(required)
      .setMaxLength(200)
      .setAutocomplete(true),
  );

const dateOption = (sub: Sub, name: string, description: string, required = false) =>
  sub.addStringOption((o) =>
    o.setName(name).setDescription(description).setRequired(required).setMinLength(10).setMaxLength(10),
  );

export function papersCommand(): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName(ROOT_COMMAND)
    .setDescription("Research papers from the daily digests: search, read, discuss");
  b.addSubcommand((s) => {
    s.setName("search").setDescription("Search the archive");
    s.addStringOption((o) =>
      o.setName("query").setDescription("Words to search for").setRequired(true).setMaxLength(200),
    );
    dateOption(s, "since", "Only papers from this day on (YYYY-MM-DD)");
    dateOption(s, "until", "Only papers up to this day (YYYY-MM-DD)");
    return s.addBooleanOption((o) => o.setName("has_code").setDescription("Only papers that link to code"));
  });
  b.addSubcommand((s) =>
    idOption(s.setName("show").setDescription("A paper: TL;DR, key results, abstract"), true),
  );
  b.addSubcommand((s) =>
    idOption(
      s.setName("summary").setDescription("A paper's TL;DR (in a discussion thread: its paper)"),
      false,
    ),
  );
  b.addSubcommand((s) =>
    idOption(
      s.setName("related").setDescription("Papers close to one paper (in a thread: its paper)"),
      false,
    ),
  );
  b.addSubcommand((s) => idOption(s.setName("code").setDescription("A paper's code and links"), false));
  b.addSubcommand((s) => s.setName("today").setDescription("The newest digest's papers"));
  b.addSubcommand((s) =>
    dateOption(
      s.setName("day").setDescription("The papers of one digest day"),
      "date",
      "The day (YYYY-MM-DD)",
      true,
    ),
  );
  b.addSubcommand((s) =>
    dateOption(
      s.setName("roundup").setDescription("A day's papers grouped by topic"),
      "date",
      "The day (YYYY-MM-DD); default the newest",
    ),
  );
  b.addSubcommand((s) =>
    idOption(
      s.setName("discuss").setDescription("Open a thread about a paper and ask questions in it"),
      true,
    ),
  );
  b.addSubcommand((s) =>
    s
      .setName("subscribe")
      .setDescription("Post the daily roundup in this channel")
      .addStringOption((o) => o.setName("time").setDescription("When, HH:MM (24-hour)").setMaxLength(5))
      .addStringOption((o) =>
        o.setName("timezone").setDescription("IANA time zone, e.g. Europe/Berlin").setMaxLength(64),
      )
      .addStringOption((o) =>
        o.setName("topics").setDescription("Only papers about these, comma-separated").setMaxLength(200),
      ),
  );
  b.addSubcommand((s) => s.setName("unsubscribe").setDescription("Stop the daily roundup in this channel"));
  b.addSubcommand((s) => s.setName("settings").setDescription("This channel's roundup settings"));
  b.addSubcommand((s) =>
    s
      .setName("help")
      .setDescription("What paperboy can do")
      .addStringOption((o) =>
        o
          .setName("command")
          .setDescription("One command")
          .addChoices(...COMMAND_DOCS.map((d) => ({ name: d.name, value: d.name }))),
      ),
  );
  return b;
}

/** The JSON Discord stores for our commands (what registration PUTs). */
export function commandDefinitions() {
  return [papersCommand().toJSON()];
}

type Options = ChatInputCommandInteraction["options"];

/**
 * The structured command for `/papers <sub> …` (validated by the core with zod, which answers bad
 * values with a usage notice). Absent options are left out, not sent as null.
 */
export function commandFromOptions(options: Options): Record<string, unknown> {
  const name = options.getSubcommand(true);
  const str = (key: string) => options.getString(key) ?? undefined;
  const out: Record<string, unknown> = { name };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) out[key] = value;
  };
  switch (name) {
    case "search":
      set("query", str("query"));
      set("since", str("since"));
      set("until", str("until"));
      set("hasCode", options.getBoolean("has_code") ?? undefined);
      break;
    case "show":
    case "summary":
    case "related":
    case "code":
    case "discuss":
      set("id", str(PAPER_ID_OPTION));
      break;
    case "day":
    case "roundup":
      set("date", str("date"));
      break;
    case "subscribe":
      set("time", str("time"));
      set("timezone", str("timezone"));
      set(
        "topics",
        str("topics")
          ?.split(",")
          .map((t) => t.trim())
          .filter(Boolean),
      );
      break;
    case "help":
      set("topic", str("command"));
      break;
  }
  return out;
}
