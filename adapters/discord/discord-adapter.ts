/**
 * paperboy on Discord through discord.js 14. It only translates: interactions and thread messages
 * become bot calls, replies become embeds and buttons. Reconnecting, resuming and REST rate limits
 * are discord.js's job; we configure them and log what they report.
 */
import {
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
  REST,
  RESTEvents,
  type StringSelectMenuInteraction,
  type User,
} from "discord.js";
import type { Adapter, AdapterStatus, ChannelTarget, DeliveryMark } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import { notice, type Reply } from "../../src/bot/replies.js";
import { type Clock, systemClock } from "../../src/clock.js";
import { ConfigError, ErrorCode, PaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { HttpRoute } from "../../src/ops/http-server.js";
import { inWords, Reconnector, type TryOutcome } from "../../src/ops/reconnect.js";
import {
  type AnswerDeps,
  answerInteraction,
  cutHint,
  type InteractionResponses,
  missingThreadPermissions,
  type SentMessage,
} from "./answer.js";
import { paperChoices } from "./autocomplete.js";
import { ButtonCommands, selectCommand } from "./buttons.js";
import { ChannelPoster } from "./channel-post.js";
import { commandDefinitions, commandFromOptions, ROOT_COMMAND } from "./commands.js";
import { cutToMessages } from "./cut.js";
import { FollowUps, followUpRestOptions } from "./follow-up-once.js";
import { GatewaySession } from "./gateway-session.js";
import { HttpInteractions, INTERACTIONS_PATH } from "./http-interactions.js";
import {
  DEFER_AFTER_MS,
  INTERACTION_DEDUPE_MS,
  MAX_CHANNEL_POST_MESSAGES,
  MAX_MESSAGES_PER_REPLY,
} from "./limits.js";
import { enforcedNonce } from "./nonce.js";
import { DEFAULT_API_URL, type DiscordAdapterOptions, type DiscordTransport } from "./options.js";
import { explainPlatformError } from "./platform-errors.js";
import { registerCommands } from "./register.js";
import { renderNotice, renderReplies } from "./render.js";
import { discordRestAgent } from "./rest-agent.js";
import { isPublicKeyHex, publicKeyFromHex } from "./signature.js";

type Repliable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/** What a replica without the gateway lock reports: it posts (and answers over HTTP); the leader holds the gateway. */
const STANDBY =
  "standby: another replica holds the Discord gateway (thread messages, reactions); this one posts roundups through REST";

/** A login whose gateway has not said READY by then is treated as failed and tried again. */
const READY_TIMEOUT_MS = 30_000;

/** The network reason of a failed login: the socket error's code when there is one. */
function describeNetworkFailure(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

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

/**
 * Responses through discord.js's interaction object (the gateway transport); follow-ups through
 * the REST client that reads back instead of retrying a lost answer (follow-up-once.ts).
 */
function gatewayResponses(i: Repliable, deps: AnswerDeps): InteractionResponses {
  const sent = (m: Message | null | undefined): SentMessage | null =>
    m ? { id: m.id, channelId: m.channelId } : null;
  const followUps = new FollowUps(
    { post: deps.followUpRest, read: deps.rest, logger: deps.logger },
    { applicationId: i.applicationId, token: i.token, interactionId: i.id, channelId: i.channelId },
  );
  return {
    reply: async (m) => sent((await i.reply({ ...m, withResponse: true })).resource?.message),
    defer: async () => {
      await i.deferReply();
    },
    editOriginal: async (m) => sent(await i.editReply(m)),
    followUp: (m) => followUps.send(m),
  };
}

export class DiscordAdapter implements Adapter {
  readonly platform = "discord" as const;
  /**
   * Posts, registration and the HTTP transport's answers. Not the gateway client's: destroying a
   * discord.js client clears its REST token, and a replica that stands by still posts.
   */
  private readonly rest: REST;
  /** Interaction follow-ups: no retry of a lost answer, which is read back (follow-up-once.ts). */
  private readonly followUpRest: REST;
  /** The gateway connection, while one is open or opening (gateway-session.ts: one client each). */
  private session: GatewaySession | null = null;
  /** Gateway logins, one after the other: a lead taken back waits for the old socket to close. */
  private gatewayWork: Promise<unknown> = Promise.resolve();
  private readonly buttons = new ButtonCommands();
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly threadMessages: "mentions" | "all";
  private readonly deferAfterMs: number;
  private state: AdapterStatus = { state: "stopped" };
  private starting: Promise<void> | undefined;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private paused = false;
  private readonly reconnect: Reconnector;
  private readonly answerDeps: AnswerDeps;
  /** This replica holds the gateway lock (meaningful with gatewayByLock). */
  private leading = false;
  private readonly poster: ChannelPoster;
  readonly transport: DiscordTransport;
  /** The Interactions Endpoint URL's handler; null on the gateway transport. */
  private readonly http: HttpInteractions | null;
  /** The REST client's own connections (rest-agent.ts: why not the process-wide default). */
  private readonly restAgent = discordRestAgent();

  constructor(
    private readonly bot: Bot,
    private readonly options: DiscordAdapterOptions,
  ) {
    this.logger = options.logger.child({ adapter: "discord" });
    this.clock = options.clock;
    this.threadMessages = options.threadMessages ?? "mentions";
    this.deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
    this.reconnect = new Reconnector(() => this.connect(), options.reconnect);
    this.rest = new REST(this.restOptions());
    this.watchRest(this.rest);
    this.followUpRest = new REST(followUpRestOptions(this.restOptions()));
    this.watchRest(this.followUpRest);
    this.answerDeps = {
      bot,
      buttons: this.buttons,
      logger: this.logger,
      rest: this.rest,
      followUpRest: this.followUpRest,
      deferAfterMs: this.deferAfterMs,
      // Reactions are read on the gateway; an HTTP-only replica never sees them.
      rememberCards: options.transport !== "http",
    };
    // Posting and interaction webhooks go through REST alone, with or without the gateway.
    this.rest.setToken(options.token);
    this.poster = new ChannelPoster(this.rest, this.logger);
    this.transport = options.transport ?? "gateway";
    this.http = this.transport === "gateway" ? null : this.httpInteractions(bot, options);
    if (this.transport !== "http") this.lead = (leading) => this.setLeading(leading);
  }

  private restOptions() {
    return {
      api: this.options.apiUrl ?? DEFAULT_API_URL,
      timeout: this.options.restTimeoutMs ?? 15_000,
      retries: 3,
      agent: this.restAgent,
    };
  }

  /** A gateway connection on a client of its own, whose events count only while it is the current one. */
  private newSession(): GatewaySession {
    const client = new Client({
      intents: intentsFor(this.threadMessages),
      // Reactions arrive for messages discord.js has not cached (answers to interactions, anything
      // before a restart): partials let those events through with the ids they carry.
      partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
      allowedMentions: { parse: [] },
      // Its REST answers what this gateway received (interaction replies, thread messages).
      rest: this.restOptions(),
    });
    const session = new GatewaySession(client, READY_TIMEOUT_MS);
    this.listen(client, () => this.session === session && !session.closed);
    this.watchRest(client.rest);
    return session;
  }

  private httpInteractions(bot: Bot, options: DiscordAdapterOptions): HttpInteractions {
    if (!options.publicKey || !isPublicKeyHex(options.publicKey))
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        `Discord transport "${this.transport}" verifies interactions with the application's public key: set DISCORD_PUBLIC_KEY to the 64 hex characters of "Public Key" in the Developer Portal (General Information)`,
        { key: "DISCORD_PUBLIC_KEY" },
      );
    const wallClock = options.wallClock ?? systemClock;
    const seen = bot.engine.seenRequests();
    return new HttpInteractions({
      answer: this.answerDeps,
      applicationId: options.applicationId,
      publicKey: publicKeyFromHex(options.publicKey),
      wallClock,
      clock: this.clock,
      logger: this.logger,
      paused: () => this.paused,
      seen: {
        first: (id) => {
          try {
            return seen.first(id, wallClock.now().getTime(), INTERACTION_DEDUPE_MS);
          } catch (err) {
            // A read-only or full archive: answer rather than drop (a replay is the rarer harm).
            this.logger.warn({ reason: (err as Error).message }, "could not record an interaction id");
            return true;
          }
        },
      },
      ...(options.onHandled ? { onHandled: options.onHandled } : {}),
    });
  }

  /** The Interactions Endpoint URL, served on the process's public port (HTTP and both transports). */
  routes(): HttpRoute[] {
    return this.http ? [{ path: INTERACTIONS_PATH, method: ["POST"], handler: this.http.handle }] : [];
  }

  /** A gateway client's events; `live` is false once its session is closed (or replaced). */
  private listen(c: Client, live: () => boolean): void {
    c.on(Events.ClientReady, () => live() && this.setState({ state: "connected" }));
    c.on(Events.ShardReady, () => live() && this.setState({ state: "connected" }));
    c.on(Events.ShardResume, (_id, replayed) => {
      if (!live()) return;
      this.logger.info({ replayed }, "discord gateway resumed");
      this.setState({ state: "connected" });
    });
    c.on(Events.ShardReconnecting, () => {
      if (live()) this.setState({ state: "disconnected", detail: "reconnecting to the gateway" });
    });
    c.on(Events.ShardDisconnect, (event) => {
      if (!live()) return;
      this.setState({
        state: "disconnected",
        detail: `gateway closed with code ${event.code} (not recoverable)`,
      });
    });
    c.on(Events.ShardError, (err) => {
      this.logger.warn({ err: err.message }, "discord gateway error");
      if (live()) this.setState({ state: "error", detail: `gateway error: ${err.message}` });
    });
    c.on(Events.Error, (err) => this.logger.error({ err }, "discord client error"));
    c.on(Events.Warn, (message) => this.logger.warn({ message }, "discord client warning"));
    c.on(Events.InteractionCreate, (i) => live() && void this.onInteraction(i));
    c.on(Events.MessageCreate, (m) => live() && void this.onMessage(m));
    c.on(Events.MessageReactionAdd, (r, u) => live() && this.onReaction(r, u, true));
    c.on(Events.MessageReactionRemove, (r, u) => live() && this.onReaction(r, u, false));
  }

  /** What a REST client reports: waits on rate limits, and 429s (serve counts them). */
  private watchRest(rest: REST): void {
    rest.on(RESTEvents.RateLimited, (info) =>
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
    rest.on(RESTEvents.Response, (request, response) => {
      if (response.status === 429) this.options.onRateLimited?.();
      if (response.status === 429)
        this.logger.warn(
          { route: request.route, method: request.method, retryAfter: response.headers.get("retry-after") },
          "discord answered 429: discord.js retries after retry_after",
        );
    });
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
      if (this.transport === "http") await this.startHttpOnly();
      else if (this.options.gatewayByLock) {
        // Interactions over HTTP (if any) and posts need no gateway; lead() connects it.
        if (this.transport === "both") await this.registerIfAsked();
        if (!this.stopped && !this.leading) this.state = { state: "connected", detail: this.standbyDetail() };
      } else if ((await this.connect()) === "retry") this.reconnect.schedule();
    })();
    return this.starting;
  }

  /**
   * serve's leader lock: this replica now holds it (connect the gateway) or lost it (close the
   * gateway at once, so two replicas never both answer thread messages). HTTP only: no gateway.
   */
  readonly lead?: (leading: boolean) => Promise<void>;

  private standbyDetail(): string {
    return this.transport === "both" ? `${STANDBY} and answers interactions over HTTP` : STANDBY;
  }

  private async setLeading(leading: boolean): Promise<void> {
    if (this.stopped || leading === this.leading) return;
    this.leading = leading;
    if (leading) {
      if ((await this.connect()) === "retry") this.reconnect.schedule();
      return;
    }
    // Its events are ignored at once; a login in flight settles first, then its socket closes.
    await this.session?.close();
    if (!this.stopped && !this.leading) this.state = { state: "connected", detail: this.standbyDetail() };
  }

  /** The gateway should be connected: not stopped, and leading where a lock decides. */
  private wantsGateway(): boolean {
    return !this.stopped && (!this.options.gatewayByLock || this.leading);
  }

  /**
   * HTTP only: no gateway. Interactions arrive on the public port and the answers, posts and
   * threads go through REST; the state is "connected" once the commands are registered (or
   * registering was not asked for).
   */
  private async startHttpOnly(): Promise<void> {
    await this.registerIfAsked();
    if (!this.stopped) this.state = { state: "connected" };
  }

  private async registerIfAsked(): Promise<void> {
    if (!this.options.register) return;
    try {
      await registerCommands({
        rest: this.rest,
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

  /** One login at a time (the lead, a retry and start() may each ask for one). */
  private connect(): Promise<TryOutcome> {
    const attempt = this.gatewayWork.then(() => this.openGateway());
    this.gatewayWork = attempt.catch(() => {});
    return attempt;
  }

  private async openGateway(): Promise<TryOutcome> {
    if (!this.wantsGateway()) return "give-up";
    if (this.session && !this.session.closed) return "connected";
    // A lead lost and taken back: the old session's socket is closed before a new one opens.
    await this.session?.close();
    if (!this.wantsGateway()) return "give-up";
    this.state = { state: "starting" };
    const session = this.newSession();
    this.session = session;
    const api = this.options.apiUrl ?? DEFAULT_API_URL;
    try {
      await session.open(this.options.token);
    } catch (err) {
      await session.close();
      if (!this.wantsGateway()) return "give-up";
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
      return "retry";
    }
    // Lost the lead or stopped while logging in: close() (already called) destroys the client.
    if (session.closed) return "give-up";
    await this.registerIfAsked();
    return "connected";
  }

  /** Takes no new events; what is in flight still posts (the REST client stays up until stop). */
  async pause(): Promise<void> {
    this.paused = true;
  }

  /** Idempotent: a second call waits for the first. */
  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    this.paused = true;
    this.stopped = true;
    // The gateway's events are ignored from now; its socket closes once a login in flight settles.
    const closing = this.session?.close();
    await this.reconnect.stop();
    await this.starting?.catch(() => {});
    // A login in flight ends (and sees the adapter stopped); then whichever session is last closes.
    await this.gatewayWork;
    await closing;
    await this.session?.close();
    this.state = { state: "stopped" };
    for (const rest of [this.rest, this.followUpRest]) {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
    // The REST clients' keep-alive connections (discord.js leaves them open on destroy).
    await this.restAgent.close();
  }

  status(): AdapterStatus {
    return this.state;
  }

  /**
   * Posts replies (the daily roundup) into a channel; a long roundup becomes several messages.
   * With a mark, each message carries it (footer); resuming, the parts already in the channel are
   * not posted again. Every message carries an enforced nonce (nonce.ts).
   */
  async post(target: ChannelTarget, replies: Reply[], mark?: DeliveryMark): Promise<string[]> {
    let sendable: boolean;
    try {
      sendable = await this.poster.sendable(target.channel);
    } catch (err) {
      throw this.postError(err, target);
    }
    if (!sendable)
      throw new PaperboyError(
        ErrorCode.Platform,
        `Discord channel ${target.channel} is not a text channel paperboy can post in: subscribe from a text channel, and give paperboy View Channel and Send Messages there`,
        { key: target.channel },
      );
    // Cut to a bounded number of messages (with a note), never split without end.
    const rendered = replies.flatMap((r) =>
      cutToMessages(renderReplies([r], this.buttons), MAX_CHANNEL_POST_MESSAGES, cutHint(r)),
    );
    try {
      return await this.poster.post(target.channel, rendered, mark, target.key);
    } catch (err) {
      throw this.postError(err, target);
    }
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

  /** Runs a command for an interaction (answer.ts: the same for the HTTP transport). */
  private answer(i: Repliable, input: string | Record<string, unknown>): Promise<void> {
    // The reply and the thread binding after it are work in flight for a graceful stop.
    return this.bot.track(async () => {
      if (this.paused) return;
      const missing = missingThreadPermissions(this.bot, input, i.inGuild() ? i.appPermissions : null);
      await answerInteraction(
        this.answerDeps,
        gatewayResponses(i, this.answerDeps),
        this.contextOf(i),
        input,
        missing,
      );
    });
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
      const me = reaction.client.user?.id;
      // The bot's own reactions, and a guild's custom emoji (which may be named like a standard one), teach nothing.
      if (user.id === me || reaction.emoji.id !== null || !reaction.emoji.name) return;
      const message = reaction.message;
      // A cached message says who wrote it; a partial one is judged by what the bot remembered.
      const author = message.partial ? undefined : message.author?.id;
      // A message in a thread counts for the thread's channel, where the card was remembered.
      const where = message.channel;
      const channel = where?.isThread() ? (where.parentId ?? message.channelId) : message.channelId;
      this.bot.reaction({
        platform: "discord",
        workspace: message.guildId ?? "",
        channel,
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

  // ---- discussion threads ----

  private async onMessage(m: Message): Promise<void> {
    try {
      if (this.paused || m.author.bot || !m.inGuild() || !m.channel.isThread()) return;
      const me = m.client.user?.id;
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
      // Each message of the answer is keyed by the question and its place in the answer (nonce.ts).
      let part = 0;
      await this.bot.respond(text, ctx, async (replies) => {
        for (const r of replies)
          for (const out of cutToMessages(
            renderReplies([r], this.buttons),
            MAX_MESSAGES_PER_REPLY,
            cutHint(r),
          )) {
            const { nonce } = enforcedNonce(`answer:${m.id}`, ++part);
            await channel.send({ ...out, nonce, enforceNonce: true });
          }
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
