/**
 * Reading an interaction as Discord sends it over HTTP (the raw JSON; the gateway path reads the
 * same fields through discord.js): the chat command's options, the focused autocomplete value,
 * who acts and where. Only what paperboy uses, checked, so a strange payload is refused rather
 * than half-read.
 */
import { ChannelType } from "discord.js";
import type { OptionReader } from "./commands.js";

/** Discord's interaction types (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
} as const;

/** The callback types paperboy answers with. */
export const CallbackType = {
  Pong: 1,
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  AutocompleteResult: 8,
} as const;

interface RawOption {
  name?: unknown;
  type?: unknown;
  value?: unknown;
  focused?: unknown;
  options?: unknown;
}

export interface RawInteraction {
  id: string;
  type: number;
  token: string;
  application_id?: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id?: string; type?: number; parent_id?: string | null };
  member?: { user?: RawUser };
  user?: RawUser;
  app_permissions?: string;
  data?: {
    name?: string;
    options?: RawOption[];
    custom_id?: string;
    component_type?: number;
    values?: unknown[];
  };
}

interface RawUser {
  id?: string;
  username?: string;
  global_name?: string | null;
}

const SUBCOMMAND = 1;
const THREAD_TYPES: readonly number[] = [
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
];

/** The interaction when the JSON has the fields every interaction has; else why not. */
export function asInteraction(json: unknown): RawInteraction | string {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return "the body is not an object";
  const o = json as Record<string, unknown>;
  if (typeof o.type !== "number") return "no interaction type";
  if (o.type === InteractionType.Ping) return { id: String(o.id ?? ""), type: 1, token: "" };
  if (typeof o.id !== "string" || !/^\d{1,25}$/.test(o.id)) return "no interaction id";
  if (typeof o.token !== "string" || o.token.length === 0 || o.token.length > 500)
    return "no interaction token";
  if (o.data !== undefined && (o.data === null || typeof o.data !== "object")) return "data is not an object";
  return o as unknown as RawInteraction;
}

/** The `/papers <sub>` subcommand's options, read like discord.js's resolver reads them. */
export function optionReader(interaction: RawInteraction): OptionReader {
  const sub = (interaction.data?.options ?? []).find((o) => o.type === SUBCOMMAND);
  const options = Array.isArray(sub?.options) ? (sub.options as RawOption[]) : [];
  const value = (name: string) => options.find((o) => o.name === name)?.value;
  return {
    getSubcommand: () => {
      if (typeof sub?.name !== "string") throw new Error("the command has no subcommand");
      return sub.name;
    },
    getBoolean: (name) => {
      const v = value(name);
      return typeof v === "boolean" ? v : null;
    },
    getString: (name) => {
      const v = value(name);
      return typeof v === "string" ? v : null;
    },
  };
}

/** The value typed so far in an autocomplete's focused option ("" when none). */
export function focusedValue(interaction: RawInteraction): string {
  const sub = (interaction.data?.options ?? []).find((o) => o.type === SUBCOMMAND);
  const options = Array.isArray(sub?.options) ? (sub.options as RawOption[]) : [];
  const focused = options.find((o) => o.focused === true);
  return focused?.value === undefined ? "" : String(focused.value);
}

/** Who acts: in a server the member's user, in a DM the user. */
export function actor(interaction: RawInteraction): { id: string; name: string } {
  const u = interaction.member?.user ?? interaction.user ?? {};
  const id = typeof u.id === "string" ? u.id : "";
  return { id, name: u.global_name ?? u.username ?? id };
}

/** The channel and, when the interaction came from a thread, the thread. */
export function place(interaction: RawInteraction): { channel: string; thread?: string } {
  const c = interaction.channel;
  const id = interaction.channel_id ?? c?.id ?? "";
  if (c?.type !== undefined && THREAD_TYPES.includes(c.type) && c.parent_id)
    return { channel: c.parent_id, thread: id };
  return { channel: id };
}
