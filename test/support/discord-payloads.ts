/** Gateway payloads as Discord sends them: interactions (commands, autocomplete, buttons) and messages. */
import { PermissionsBitField } from "discord.js";
import { type DiscordStandIn, IDS } from "./discord-stand-in.js";

// Test files share a process (and this module), so the counter runs on across files: padded to a
// fixed width, every id is a 19-digit snowflake and no token is the start of another.
let counter = 0;
const next = () => `${++counter}`.padStart(8, "0");

export const ALL_PERMISSIONS = PermissionsBitField.All.toString();

export function user(id: string = IDS.user) {
  return { id, username: `user${id.slice(-3)}`, discriminator: "0", global_name: null, avatar: null };
}

function member(id: string = IDS.user) {
  return {
    user: user(id),
    roles: [],
    joined_at: "2025-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    permissions: ALL_PERMISSIONS,
  };
}

export interface Where {
  /** A thread id (a thread the stand-in created) instead of the main channel. */
  thread?: string;
  appPermissions?: string;
  /** Who acts (a snowflake); default IDS.user. */
  user?: string;
}

function base(d: DiscordStandIn, type: number, where: Where = {}) {
  const n = next();
  const channel = where.thread ? d.threads.get(where.thread) : d.channel();
  // Discord makes the interaction: a snowflake of its time, so messages sent for it come after it.
  const made = { id: d.id(), token: `token-${n}`, channel_id: channel.id as string };
  d.madeInteraction(made);
  return {
    id: made.id,
    application_id: IDS.app,
    type,
    token: made.token,
    version: 1,
    guild_id: IDS.guild,
    channel_id: channel.id as string,
    channel,
    member: member(where.user),
    app_permissions: where.appPermissions ?? ALL_PERMISSIONS,
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": IDS.guild },
    context: 0,
    attachment_size_limit: 8388608,
  };
}

type OptionValue = string | boolean | number;

function optionType(v: OptionValue): number {
  return typeof v === "string" ? 3 : typeof v === "boolean" ? 5 : 4;
}

/** `/papers <sub> name:value …` */
export function slash(
  d: DiscordStandIn,
  sub: string,
  options: Record<string, OptionValue> = {},
  where: Where = {},
) {
  return {
    ...base(d, 2, where),
    data: {
      id: IDS.command,
      name: "papers",
      type: 1,
      options: [
        {
          type: 1,
          name: sub,
          options: Object.entries(options).map(([name, value]) => ({ type: optionType(value), name, value })),
        },
      ],
    },
  };
}

/** Typing into an autocompleted option of `/papers <sub>`. */
export function autocomplete(d: DiscordStandIn, sub: string, option: string, typed: string) {
  return {
    ...base(d, 4),
    data: {
      id: IDS.command,
      name: "papers",
      type: 1,
      options: [{ type: 1, name: sub, options: [{ type: 3, name: option, value: typed, focused: true }] }],
    },
  };
}

/** Pressing a button on a message the bot posted. */
export function button(d: DiscordStandIn, message: any, customId: string, where: Where = {}) {
  return { ...base(d, 3, where), message, data: { custom_id: customId, component_type: 2 } };
}

/** Choosing an option of a string select menu on a message the bot posted. */
export function select(
  d: DiscordStandIn,
  message: any,
  customId: string,
  values: string[],
  where: Where = {},
) {
  return { ...base(d, 3, where), message, data: { custom_id: customId, component_type: 3, values } };
}

/** A user's message in a channel or thread; `mention` puts the bot in its mentions. */
export function userMessage(d: DiscordStandIn, channelId: string, content: string, mention: boolean) {
  return {
    id: d.id(),
    channel_id: channelId,
    guild_id: IDS.guild,
    author: user(),
    member: { ...member(), user: undefined },
    content,
    mentions: mention ? [d.botUser] : [],
    mention_roles: [],
    mention_everyone: false,
    attachments: [],
    embeds: [],
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/**
 * MESSAGE_REACTION_ADD / MESSAGE_REACTION_REMOVE as the gateway sends them: an add carries the
 * member and the message's author; a removal only ids. `emoji` is a character ("👍") or, with
 * `customId`, a guild's own emoji of that name.
 */
export function reactionEvent(o: {
  message: string;
  emoji: string;
  added?: boolean;
  user?: string;
  author?: string;
  channel?: string;
  customId?: string;
}) {
  const common = {
    user_id: o.user ?? IDS.user,
    channel_id: o.channel ?? IDS.channel,
    message_id: o.message,
    guild_id: IDS.guild,
    emoji: { id: o.customId ?? null, name: o.emoji },
    burst: false,
    type: 0,
  };
  return o.added === false
    ? common
    : { ...common, member: member(o.user), message_author_id: o.author ?? IDS.bot, burst_colors: [] };
}
