/**
 * The `/papers` application command, generated from the chat command registry: one subcommand per
 * declared command, its options from the command's own declaration (built with discord.js's
 * builders, which validate names and lengths); and the way back, from an interaction's options to
 * the core's structured command.
 */
import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from "discord.js";
import type { ChatCommand, CommandOption } from "../../src/bot/command.js";
import { CHAT_COMMANDS } from "../../src/bot/commands/index.js";
import { COMMAND_DESCRIPTION_MAX as DESCRIPTION_MAX, OPTION_CHOICES_MAX } from "./limits.js";

export const ROOT_COMMAND = "papers";

/** How a paper option reads on Discord, where typing a title offers choices. */
const PAPER_OPTION = "arXiv id, paperboy id or link; type a few words of the title to pick";
/** The longest paper id or link accepted. */
const PAPER_ID_MAX = 200;
const DATE_LENGTH = 10;

function describe(command: ChatCommand): string {
  const text = command.summary.charAt(0).toUpperCase() + command.summary.slice(1);
  const thread = command.paper === "thread" ? " (in a discussion thread: its paper)" : "";
  return `${text}${thread}`.slice(0, DESCRIPTION_MAX);
}

function addOption(sub: SlashCommandSubcommandBuilder, o: CommandOption, commands: readonly ChatCommand[]) {
  const description = (o.description ?? (o.kind === "paper" ? PAPER_OPTION : o.name)).slice(
    0,
    DESCRIPTION_MAX,
  );
  if (o.kind === "flag")
    return sub.addBooleanOption((b) =>
      b.setName(o.name).setDescription(description).setRequired(Boolean(o.required)),
    );
  return sub.addStringOption((b) => {
    b.setName(o.name).setDescription(description).setRequired(Boolean(o.required));
    if (o.kind === "paper") b.setMaxLength(o.maxLength ?? PAPER_ID_MAX).setAutocomplete(true);
    else if (o.kind === "date") b.setMinLength(DATE_LENGTH).setMaxLength(DATE_LENGTH);
    else if (o.maxLength) b.setMaxLength(o.maxLength);
    // Past Discord's choice limit the option takes any word (help resolves aliases too).
    if (o.kind === "command" && commands.length <= OPTION_CHOICES_MAX)
      b.addChoices(...commands.map((c) => ({ name: c.name, value: c.name })));
    if (o.choices?.length)
      b.addChoices(...o.choices.slice(0, OPTION_CHOICES_MAX).map((c) => ({ name: c, value: c })));
    return b;
  });
}

export function papersCommand(commands: readonly ChatCommand[] = CHAT_COMMANDS): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName(ROOT_COMMAND)
    .setDescription("Research papers from the daily digests: search, read, discuss");
  for (const command of commands) {
    if (command.declared === false) continue;
    b.addSubcommand((s) => {
      s.setName(command.name).setDescription(describe(command));
      for (const o of command.options ?? []) addOption(s, o, commands);
      return s;
    });
  }
  return b;
}

/** The JSON Discord stores for our commands (what registration PUTs). */
export function commandDefinitions(commands: readonly ChatCommand[] = CHAT_COMMANDS) {
  return [papersCommand(commands).toJSON()];
}

/**
 * What the command's options are read through: discord.js's resolver on the gateway, the raw
 * payload's options over HTTP (interaction-payload.ts). One reader, so both transports build the
 * same command from the same options.
 */
export interface OptionReader {
  getSubcommand(required: true): string;
  getBoolean(name: string): boolean | null;
  getString(name: string): string | null;
}

/**
 * The structured command for `/papers <sub> …` (validated by the core with zod, which answers bad
 * values with a usage notice). Absent options are left out, not sent as null.
 */
export function commandFromOptions(
  options: OptionReader,
  commands: readonly ChatCommand[] = CHAT_COMMANDS,
): Record<string, unknown> {
  const name = options.getSubcommand(true);
  const out: Record<string, unknown> = { name };
  const command = commands.find((c) => c.name === name);
  for (const o of command?.options ?? []) {
    const value =
      o.kind === "flag"
        ? options.getBoolean(o.name)
        : o.kind === "list"
          ? options
              .getString(o.name)
              ?.split(",")
              .map((t) => t.trim())
              .filter(Boolean)
          : options.getString(o.name);
    if (value !== undefined && value !== null) out[o.arg ?? o.name] = value;
  }
  return out;
}
