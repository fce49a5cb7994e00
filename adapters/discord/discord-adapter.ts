/**
 * paperboy on Discord through discord.js 14. It only translates: interactions and thread messages
 * become bot calls, replies become embeds and buttons. Reconnecting, resuming and REST rate limits
 * are discord.js's job; we configure them and log what they report.
 */
import { once } from "node:events";
import {
  type AnyThreadChannel,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  type MessageReaction,
  type PartialMessageReaction,
  Partials,
  type PartialUser,
  PermissionFlagsBits,
  type PermissionsString,
  RESTEvents,
  SnowflakeUtil,
  type StringSelectMenuInteraction,
  type TextBasedChannel,
  ThreadAutoArchiveDuration,
  type User,
} from "discord.js";
import type { Adapter, AdapterStatus, ChannelTarget, DeliveryMark } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import { notice, type Reply, type ThreadStartReply } from "../../src/bot/replies.js";
import type { Clock } from "../../src/clock.js";
import { LATE, within } from "../../src/deadline.js";
import { ErrorCode, isPaperboyError, PaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import { inWords, Reconnector, type TryOutcome } from "../../src/ops/reconnect.js";
import { paperChoices } from "./autocomplete.js";
import { ButtonCommands, selectCommand } from "./buttons.js";
import { commandDefinitions, commandFromOptions, ROOT_COMMAND } from "./commands.js";
import { cutToMessages } from "./cut.js";
import { markNonce, markText, partsIn, withMark } from "./delivery-marks.js";
import { fitText, plainText } from "./escape.js";
import {
  DEFER_AFTER_MS,
  HISTORY_PAGE_SIZE,
  MAX_CHANNEL_POST_MESSAGES,
  MAX_HISTORY_PAGES,
  MAX_MESSAGES_PER_REPLY,
  THREAD_NAME_MAX,
} from "./limits.js";
import type { DiscordMessage } from "./message.js";
import { DEFAULT_API_URL, type DiscordAdapterOptions } from "./options.js";
import { explainPlatformError } from "./platform-errors.js";
import { registerCommands } from "./register.js";
import { renderCard, renderIntro, renderNotice, renderReplies } from "./render.js";

type Repliable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/** A login whose gateway has not said READY by then is treated as failed and tried again. */
const READY_TIMEOUT_MS = 30_000;

/** Where the rest of a cut reply is: a roundup lists every paper of its day with `day`. */
function cutHint(reply: Reply): string | undefined {
  return reply.kind === "roundup" && !reply.until
    ? `\`/papers day date:${reply.date}\` lists every paper of the day.`
    : undefined;
}

/** The network reason of a failed login: the socket error's code when there is one. */
function describeNetworkFailure(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** What `discuss` needs in the channel: opening the thread and talking in it. */
const THREAD_PERMISSIONS = [
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
];

/**
 * Guilds: guild, channel and thread events (the caches interactions and threads rely on).
 * GuildMessages: MESSAGE_CREATE in threads, for discussion questions. A message that mentions the
 * bot carries its content without any privileged intent; MessageContent (privileged) is asked for
 * only when every thread message is a question (threadMessages: "all").
 * GuildMessageReactions (not privileged): 👍 ⭐ 👎 on paperboy's paper cards teach the channel's
 * roundups.
 */
export function intentsFor(threadMessages: "mentions" | "all"): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.GuildMessageReactions,
  ];
  if (threadMessages === "all") intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export class DiscordAdapter implements Adapter {
  readonly platform = "discord" as const;
  readonly client: Client;
  private readonly buttons = new ButtonCommands();
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly threadMessages: "mentions" | "all";
  private readonly deferAfterMs: number;
  private state: AdapterStatus = { state: "stopped" };
  private starting: Promise<void> | undefined;
  private stopped = false;
  private paused = false;
  private readonly reconnect: Reconnector;

  constructor(
    private readonly bot: Bot,
    private readonly options: DiscordAdapterOptions,
  ) {
    this.logger = options.logger.child({ adapter: "discord" });
    this.clock = options.clock;
    this.threadMessages = options.threadMessages ?? "mentions";
    this.deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
    this.reconnect = new Reconnector(() => this.connect(), options.reconnect);
    this.client = new Client({
      intents: intentsFor(this.threadMessages),
      // Reactions arrive for messages discord.js has not cached (answers to interactions, anything
      // before a restart): partials let those events through with the ids they carry.
      partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
      allowedMentions: { parse: [] },
      rest: { api: options.apiUrl ?? DEFAULT_API_URL, timeout: options.restTimeoutMs ?? 15_000, retries: 3 },
    });
    this.listen();
  }

  private listen(): void {
    const c = this.client;
    c.on(Events.ClientReady, () => this.setState({ state: "connected" }));
    c.on(Events.ShardReady, () => this.setState({ state: "connected" }));
    c.on(Events.ShardResume, (_id, replayed) => {
      this.logger.info({ replayed }, "discord gateway resumed");
      this.setState({ state: "connected" });
    });
    c.on(Events.ShardReconnecting, () =>
      this.setState({ state: "disconnected", detail: "reconnecting to the gateway" }),
    );
    c.on(Events.ShardDisconnect, (event) =>
      this.setState({
        state: "disconnected",
        detail: `gateway closed with code ${event.code} (not recoverable)`,
      }),
    );
    c.on(Events.ShardError, (err) => {
      this.logger.warn({ err: err.message }, "discord gateway error");
      this.setState({ state: "error", detail: `gateway error: ${err.message}` });
    });
    c.on(Events.Error, (err) => this.logger.error({ err }, "discord client error"));
    c.on(Events.Warn, (message) => this.logger.warn({ message }, "discord client warning"));
    c.rest.on(RESTEvents.RateLimited, (info) =>
      this.logger.warn(
        {
          route: info.route,
          method: info.method,
          retryAfterMs: info.retryAfter,
          global: info.global,
          scope: info.scope,
        },
        "discord rate limit: request waits",
      ),
    );
    c.rest.on(RESTEvents.Response, (request, response) => {
      if (response.status === 429) this.options.onRateLimited?.();
      if (response.status === 429)
        this.logger.warn(
          { route: request.route, method: request.method, retryAfter: response.headers.get("retry-after") },
          "discord answered 429: discord.js retries after retry_after",
        );
    });
    c.on(Events.InteractionCreate, (i) => void this.onInteraction(i));
    c.on(Events.MessageCreate, (m) => void this.onMessage(m));
    c.on(Events.MessageReactionAdd, (r, u) => this.onReaction(r, u, true));
    c.on(Events.MessageReactionRemove, (r, u) => this.onReaction(r, u, false));
  }

  private setState(state: AdapterStatus): void {
    if (this.state.state === "stopped" && state.state !== "connected") return;
    this.state = state;
  }

  /**
   * Logs in and waits for the gateway's READY. A token Discord rejects (401) is reported in
   * status() and the log and not tried again (it needs a person); a Discord that cannot be reached
   * is tried again with backoff until it answers. Never throws: a failing Discord must not stop
   * the other platforms.
   */
  start(): Promise<void> {
    this.starting ??= (async () => {
      if ((await this.connect()) === "retry") this.reconnect.schedule();
    })();
    return this.starting;
  }

  private async connect(): Promise<TryOutcome> {
    if (this.stopped) return "give-up";
    this.state = { state: "starting" };
    const ready: Promise<unknown> = this.client.isReady()
      ? Promise.resolve()
      : once(this.client, Events.ClientReady);
    ready.catch(() => {});
    const api = this.options.apiUrl ?? DEFAULT_API_URL;
    try {
      await this.client.login(this.options.token);
      if ((await within(READY_TIMEOUT_MS, ready)) === LATE)
        throw new Error(`the gateway sent no READY within ${READY_TIMEOUT_MS / 1000} s`);
    } catch (err) {
      if (this.stopped) return "give-up";
      const e = err as { status?: number; code?: string; message?: string };
      if (e.status === 401 || e.code === "TokenInvalid") {
        const detail =
          "Discord rejected DISCORD_TOKEN (401): reset the bot token in the Developer Portal, set DISCORD_TOKEN and restart";
        this.logger.error({ reason: e.message }, "Discord rejected the token");
        this.state = { state: "error", detail };
        return "give-up";
      }
      const reason = describeNetworkFailure(err);
      this.logger.warn({ reason, api }, "Discord is unreachable; will try again");
      this.state = {
        state: "disconnected",
        detail: `cannot reach Discord at ${api} (${reason}); retrying in ${inWords(this.reconnect.nextDelayMs())}`,
      };
      await this.client.destroy().catch(() => {});
      return "retry";
    }
    if (this.options.register) {
      try {
        await registerCommands({
          rest: this.client.rest,
          applicationId: this.options.applicationId,
          ...(this.options.register.guildId ? { guildId: this.options.register.guildId } : {}),
          commands: commandDefinitions(),
          logger: this.logger,
        });
      } catch (err) {
        // The commands registered before still work; `paperboy discord register` tries again.
        this.logger.warn(
          { reason: (err as Error).message },
          "could not register /papers with Discord; run `paperboy discord register`",
        );
      }
    }
    return "connected";
  }

  /** Takes no new events; what is in flight still posts (the REST client stays up until stop). */
  async pause(): Promise<void> {
    this.paused = true;
  }

  async stop(): Promise<void> {
    this.paused = true;
    this.stopped = true;
    await this.reconnect.stop();
    await this.starting?.catch(() => {});
    this.state = { state: "stopped" };
    await this.client.destroy();
  }

  status(): AdapterStatus {
    return this.state;
  }

  /**
   * Posts replies (the daily roundup) into a channel; a long roundup becomes several messages.
   * With a mark, each message carries it (footer and nonce); resuming, the parts already in the
   * channel are not posted again.
   */
  async post(target: ChannelTarget, replies: Reply[], mark?: DeliveryMark): Promise<string[]> {
    let channel: Awaited<ReturnType<Client["channels"]["fetch"]>>;
    try {
      channel = await this.client.channels.fetch(target.channel);
    } catch (err) {
      throw this.postError(err, target);
    }
    if (!channel?.isSendable() || !channel.isTextBased())
      throw new PaperboyError(
        ErrorCode.Platform,
        `Discord channel ${target.channel} is not a text channel paperboy can post in: subscribe from a text channel, and give paperboy View Channel and Send Messages there`,
        { key: target.channel },
      );
    // Cut to a bounded number of messages (with a note), never split without end.
    const rendered = replies.flatMap((r) =>
      cutToMessages(renderReplies([r], this.buttons), MAX_CHANNEL_POST_MESSAGES, cutHint(r)),
    );
    const already = mark?.resume ? await this.alreadyPosted(channel, mark) : new Map<number, string>();
    const ids: string[] = [];
    for (const [i, m] of rendered.entries()) {
      const earlier = already.get(i + 1);
      if (earlier) {
        ids.push(earlier);
        continue;
      }
      const out = mark
        ? {
            ...withMark(m, markText(mark, i + 1, rendered.length)),
            nonce: markNonce(mark, i + 1),
            enforceNonce: true,
          }
        : m;
      try {
        ids.push((await channel.send(out)).id);
      } catch (err) {
        throw this.postError(err, target);
      }
    }
    return ids;
  }

  /** The parts of a delivery already in the channel (by this bot); none when it cannot be read. */
  private async alreadyPosted(channel: TextBasedChannel, mark: DeliveryMark): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    const me = this.client.user?.id;
    try {
      let after = SnowflakeUtil.generate({ timestamp: mark.since.getTime() }).toString();
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const batch = await channel.messages.fetch({ after, limit: HISTORY_PAGE_SIZE });
        for (const m of batch.values()) {
          if (m.author.id !== me) continue;
          const texts = [m.content, ...m.embeds.map((e) => e.footer?.text ?? "")];
          for (const part of partsIn(texts, mark)) found.set(part, m.id);
        }
        if (batch.size < HISTORY_PAGE_SIZE) break;
        after = [...batch.keys()].reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
      }
    } catch (err) {
      this.logger.warn(
        { delivery: mark.id, reason: (err as Error).message },
        "could not read the channel's history to look for an earlier post; posting it (it may appear twice)",
      );
      return new Map();
    }
    if (found.size)
      this.logger.info(
        { delivery: mark.id, parts: [...found.keys()] },
        "parts of this delivery were already posted before a restart; not posting them again",
      );
    return found;
  }

  private postError(err: unknown, target: ChannelTarget): PaperboyError {
    const why = explainPlatformError(err, `post in Discord channel ${target.channel}`);
    return new PaperboyError(
      ErrorCode.Platform,
      why ?? `posting in Discord channel ${target.channel} failed: ${(err as Error).message}`,
      { key: target.channel },
      { cause: err },
    );
  }

  // ---- interactions ----

  private async onInteraction(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await this.autocomplete(i);
      else if (i.isChatInputCommand() && i.commandName === ROOT_COMMAND)
        await this.answer(i, commandFromOptions(i.options));
      else if (i.isButton()) {
        const command = this.buttons.decode(i.customId);
        if (command !== null) await this.answer(i, command);
        else if (i.customId.startsWith("pb"))
          await i.reply(renderNotice(notice("This button has expired; run the command again.", "warning")));
      } else if (i.isStringSelectMenu()) {
        // A roundup's "Add to queue…" / "I'll read it…" menus: the choice completes the command.
        const command = selectCommand(i.customId, i.values[0]);
        if (command !== null) await this.answer(i, command);
      }
    } catch (err) {
      this.logger.error({ err, interaction: i.id }, "discord interaction failed");
    } finally {
      this.options.onHandled?.("interaction");
    }
  }

  private async autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    await i.respond(paperChoices(this.bot.engine, String(focused.value)));
  }

  private contextOf(i: Repliable): Context {
    const channel = i.channel;
    const thread = channel?.isThread() ? channel : null;
    return {
      platform: "discord",
      workspace: i.guildId ?? "",
      channel: thread?.parentId ?? i.channelId ?? "",
      ...(thread ? { thread: thread.id } : {}),
      user: i.user.id,
      userName: i.user.globalName ?? i.user.username,
      at: this.clock.now(),
      addressed: true,
      mustAnswer: true,
    };
  }

  /**
   * Runs a command for an interaction. Discord needs an acknowledgement within 3 s: an answer
   * ready sooner is the reply itself; otherwise deferReply() first, then the answer edits it.
   */
  private answer(i: Repliable, input: string | Record<string, unknown>): Promise<void> {
    // The reply and the thread binding after it are work in flight for a graceful stop.
    return this.bot.track(() => this.answerNow(i, input));
  }

  private async answerNow(i: Repliable, input: string | Record<string, unknown>): Promise<void> {
    if (this.paused) return;
    const ctx = this.contextOf(i);
    const missing = this.missingThreadPermissions(i, input);
    if (missing.length) {
      await i.reply(
        renderNotice(
          notice(
            `I can't open a discussion thread here: I'm missing ${missing.join(", ")} in this channel. Ask a server admin to grant ${missing.length > 1 ? "them" : "it"} to paperboy, or use /papers show instead.`,
            "warning",
            ErrorCode.Platform,
          ),
        ),
      );
      return;
    }
    const work = this.bot.handle(input, ctx);
    const first = this.deferAfterMs <= 0 ? LATE : await within(this.deferAfterMs, work);
    let replies: Reply[];
    if (first === LATE) {
      await i.deferReply();
      replies = await work;
    } else replies = first;
    await this.deliver(i, ctx, replies);
  }

  private missingThreadPermissions(
    i: Repliable,
    input: string | Record<string, unknown>,
  ): PermissionsString[] {
    if (!this.bot.commandFor(input)?.opensThread || !i.inGuild()) return [];
    // Administrator implies every permission, as Discord computes it.
    return i.appPermissions.missing(THREAD_PERMISSIONS, true);
  }

  private async deliver(i: Repliable, ctx: Context, replies: Reply[]): Promise<void> {
    let editedOriginal = false;
    // The interaction's reply and its follow-ups: a bounded budget, never one message per part.
    let left = MAX_MESSAGES_PER_REPLY;
    const send = async (m: DiscordMessage): Promise<Message | null> => {
      left -= 1;
      if (!i.deferred && !i.replied)
        return (await i.reply({ ...m, withResponse: true })).resource?.message ?? null;
      if (i.deferred && !editedOriginal) {
        editedOriginal = true;
        return i.editReply(m);
      }
      return i.followUp(m);
    };
    if (replies.length === 0) replies = [notice("Done.")];
    for (const reply of replies) {
      if (reply.kind === "thread") {
        await this.openDiscussion(reply, ctx, send);
        continue;
      }
      const messages = cutToMessages(renderReplies([reply], this.buttons), left, cutHint(reply));
      if (messages.length === 0)
        this.logger.warn({ reply: reply.kind }, "reply dropped: no message left for it");
      for (const m of messages) {
        const sent = await send(m);
        // A card is one message: the bot remembers which paper it shows, for reactions on it.
        if (sent && messages.length === 1) this.remember(sent, reply);
      }
    }
  }

  private remember(message: Message, reply: Reply): void {
    this.bot.posted({ platform: "discord", channel: message.channelId, message: message.id }, reply);
  }

  // ---- reactions ----

  /**
   * 👍 ⭐ 👎 on a message. Discord's event names the message, not what it shows; the bot knows the
   * paper of each card it sent (remember), so a reaction on any other message — a person's, a
   * roundup — is ignored there. A removal deletes exactly what the same person's add wrote.
   */
  private onReaction(
    reaction: MessageReaction | PartialMessageReaction,
    user: User | PartialUser,
    added: boolean,
  ): void {
    try {
      const me = this.client.user?.id;
      // The bot's own reactions, and a guild's custom emoji (which may be named like a standard one), teach nothing.
      if (user.id === me || reaction.emoji.id !== null || !reaction.emoji.name) return;
      const message = reaction.message;
      // A cached message says who wrote it; a partial one is judged by what the bot remembered.
      const author = message.partial ? undefined : message.author?.id;
      this.bot.reaction({
        platform: "discord",
        workspace: message.guildId ?? "",
        channel: message.channelId,
        message: message.id,
        user: user.id,
        emoji: reaction.emoji.name,
        added,
        at: this.clock.now(),
        ...(author !== undefined && author !== me ? { byBot: false } : {}),
      });
    } catch (err) {
      this.logger.error({ err }, "discord reaction failed");
    } finally {
      this.options.onHandled?.("reaction");
    }
  }

  /** `discuss`: a public thread on the card message, bound to the paper, with the intro inside. */
  private async openDiscussion(
    reply: ThreadStartReply,
    ctx: Context,
    send: (m: DiscordMessage) => Promise<Message | null>,
  ): Promise<void> {
    const opened = new Map<string, AnyThreadChannel>();
    try {
      await this.bot.startDiscussion(reply, ctx, {
        openThread: async (card) => {
          const posted = await send(renderCard(card, this.buttons));
          if (!posted) throw new Error("Discord did not return the card message");
          this.remember(posted, reply);
          const thread = await posted.startThread({
            name: fitText(card.title, THREAD_NAME_MAX, plainText),
            autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
          });
          opened.set(thread.id, thread);
          return thread.id;
        },
        postIntro: async (id, intro) => {
          await opened.get(id)?.send(renderIntro(intro));
        },
        // A thread opened from a message shares its id: deleting both takes the card back.
        retract: async (id) => {
          const thread = opened.get(id);
          const parent = thread?.parent;
          await thread?.delete().catch(() => {});
          if (parent?.isTextBased()) await parent.messages.delete(id);
        },
      });
    } catch (err) {
      const why = isPaperboyError(err) ? err.message : explainPlatformError(err, "open a discussion thread");
      if (!why) this.logger.error({ err }, "discord thread creation failed");
      await send(
        renderNotice(
          notice(
            why ?? "I couldn't open a discussion thread here; it has been logged.",
            "warning",
            ErrorCode.Platform,
          ),
        ),
      );
    }
  }

  // ---- discussion threads ----

  private async onMessage(m: Message): Promise<void> {
    try {
      if (this.paused || m.author.bot || !m.inGuild() || !m.channel.isThread()) return;
      const me = this.client.user?.id;
      const mentioned = me !== undefined && m.mentions.users.has(me);
      if (this.threadMessages === "mentions" && !mentioned) return;
      const ctx: Context = {
        platform: "discord",
        workspace: m.guildId,
        channel: m.channel.parentId ?? m.channelId,
        thread: m.channelId,
        user: m.author.id,
        userName: m.author.globalName ?? m.author.username,
        at: this.clock.now(),
        addressed: mentioned,
      };
      if (!this.bot.isDiscussion(ctx)) return;
      const text = (me ? m.content.replace(new RegExp(`<@!?${me}>`, "g"), " ") : m.content).trim();
      if (!text) return;
      const channel = m.channel;
      await this.bot.respond(text, ctx, async (replies) => {
        for (const r of replies)
          for (const out of cutToMessages(
            renderReplies([r], this.buttons),
            MAX_MESSAGES_PER_REPLY,
            cutHint(r),
          ))
            await channel.send(out);
      });
    } catch (err) {
      const why = explainPlatformError(err, "answer in this thread");
      if (why) this.logger.warn({ thread: m.channelId, why }, "discord thread answer refused");
      else this.logger.error({ err, thread: m.channelId }, "discord thread message failed");
    }
  }
}

export function createDiscordAdapter(bot: Bot, options: DiscordAdapterOptions): DiscordAdapter {
  return new DiscordAdapter(bot, options);
}
