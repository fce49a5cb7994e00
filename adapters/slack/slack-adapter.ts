/**
 * paperboy in Slack: the Adapter the composition root starts. It owns the Bolt App, reports its
 * state for /healthz, posts roundups into channels, and never lets a Slack failure (a revoked
 * token, a port in use, an API outage) escape as an exception.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { type Authorize, webApi } from "@slack/bolt";
import type { Adapter, AdapterStatus, ChannelTarget, DeliveryMark } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Reply } from "../../src/bot/replies.js";
import { systemClock } from "../../src/clock.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";
import type { HttpRoute } from "../../src/ops/http-server.js";
import { inWords, Reconnector, type TryOutcome } from "../../src/ops/reconnect.js";
import { type BuiltApp, buildApp } from "./app.js";
import { ClientsByToken } from "./clients-by-token.js";
import { cutToMessages } from "./cut.js";
import { SeenIds } from "./dedupe.js";
import { cutHint } from "./deliver.js";
import { markedParts, markMetadata } from "./delivery-marks.js";
import { type Handlers, registerHandlers } from "./handlers.js";
import { ArchiveInstallationStore } from "./installation-store.js";
import { DEFAULT_OWED_LEASE_MS, MAX_CHANNEL_POST_MESSAGES, MAX_REQUEST_SKEW_MS } from "./limits.js";
import { DEFAULT_PORT, resolveMode, type SlackAdapterOptions, type SlackMode } from "./options.js";
import { PostingClients, postOnce } from "./post-once.js";
import { registerReactions } from "./reactions.js";
import { renderReply } from "./render.js";
import { AUTH_ERRORS, describeFailure, isUnreachable, slackErrorCode } from "./slack-errors.js";

interface Identity {
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

export interface SlackAdapterEvents {
  /** A request dropped as a retry or replay. */
  duplicate: [id: string, retryNum: number | undefined];
  /** A request whose replies have all been delivered (or given up on). */
  handled: [kind: string];
  status: [AdapterStatus];
}

export class SlackAdapter extends EventEmitter<SlackAdapterEvents> implements Adapter {
  readonly platform = "slack" as const;
  readonly mode: SlackMode;
  private state: AdapterStatus = { state: "stopped" };
  private readonly built: BuiltApp;
  /** The adapter's own clients (reads, scheduled posts' tokens), one per token in use. */
  private readonly clients = new ClientsByToken((token) => {
    const client = new webApi.WebClient(token, this.built.clientOptions);
    this.watch(client);
    return client;
  });
  /** The clients posts go through: no blind retry of a post Slack may have stored. */
  private readonly posters: PostingClients;
  private identity: Promise<Identity> | undefined;
  private listening: { port: number } | undefined;
  private stopping: Promise<void> | undefined;
  private starting: Promise<void> | undefined;
  private pausing: Promise<void> | undefined;
  /** The receiver is listening (HTTP) or connected (Socket Mode): stop() must close it. */
  private receiving = false;
  private readonly reconnect: Reconnector;
  private readonly extraRoutes: HttpRoute[] = [];
  private readonly handlers: Handlers;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    readonly bot: Bot,
    private readonly options: SlackAdapterOptions,
  ) {
    super();
    this.mode = resolveMode(options);
    this.reconnect = new Reconnector(() => this.checkConnection(), options.reconnect);
    const authorize: Authorize<boolean> = async () => {
      const who = await this.whoAmI();
      return { botToken: options.botToken, botId: who.botId, botUserId: who.botUserId, teamId: who.teamId };
    };
    this.built = buildApp({
      settings: options,
      mode: this.mode,
      logger: options.logger,
      customRoutes: options.customRoutes ?? [],
      installationStore: new ArchiveInstallationStore(bot.engine.installations),
      authorize,
      wallClock: options.wallClock ?? systemClock,
      extraRoutes: () => this.extraRoutes,
      ...(options.apiTimeoutMs ? { apiTimeoutMs: options.apiTimeoutMs } : {}),
    });
    this.posters = new PostingClients(this.built.clientOptions, (client) => this.watch(client));
    this.handlers = registerHandlers(this.built.app, {
      bot,
      clock: options.clock,
      logger: options.logger,
      seen: new SeenIds(options.wallClock ?? systemClock, {
        persist: bot.engine.seenRequests(),
        onPersistFailed: (err) =>
          options.logger.warn(
            { reason: (err as Error).message },
            "could not record a request id in the archive",
          ),
      }),
      onFailure: (err) => this.noteFailure(err),
      onDuplicate: (id, retryNum) => this.emit("duplicate", id, retryNum),
      onHandled: (kind) => this.emit("handled", kind),
      watchClient: (client) => this.watch(client),
      posterFor: (client) => this.posters.for(client),
      ...(options.owed ? { owed: options.owed } : {}),
      clientFor: async (workspace) => this.clientFor(await this.tokenFor(workspace)),
    });
    registerReactions(this.built.app, {
      bot,
      clock: options.clock,
      logger: options.logger,
      onReaction: () => this.emit("handled", "reaction"),
      watchClient: (client) => this.watch(client),
    });
  }

  /** The HTTP port actually listened on (useful with port 0), once started in HTTP mode. */
  get port(): number | undefined {
    return this.listening?.port;
  }

  status(): AdapterStatus {
    return this.state;
  }

  /** Over HTTP, other adapters' routes (Discord's interactions) ride on the receiver's port. */
  serveRoutes(routes: readonly HttpRoute[]): boolean {
    if (this.mode.transport !== "http") return false;
    this.extraRoutes.push(...routes);
    return true;
  }

  /** Over HTTP the Bolt receiver owns the port, so serve's routes ride on it. */
  httpPort(): number | null {
    return this.mode.transport === "http" ? (this.port ?? null) : null;
  }

  private setState(state: AdapterStatus): void {
    this.state = state;
    this.emit("status", state);
  }

  /**
   * Listens (HTTP) or connects (Socket Mode), then checks the bot token. A token Slack rejects is
   * reported in status() and the log; a Slack that cannot be reached is tried again with backoff
   * until it answers. Only a local failure (the port in use) is thrown: serve cannot run Slack
   * then, and a supervisor should hear of it.
   */
  start(): Promise<void> {
    this.starting ??= this.startOnce();
    return this.starting;
  }

  private async startOnce(): Promise<void> {
    this.setState({ state: "starting" });
    try {
      const host = this.options.host;
      const port = this.options.port ?? DEFAULT_PORT;
      const server = (await (this.mode.transport === "http" && host
        ? this.built.app.start({ port, host })
        : this.built.app.start(port))) as unknown;
      this.receiving = true;
      const address = (server as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
      if (address && typeof address === "object") this.listening = { port: address.port };
    } catch (err) {
      const where =
        this.mode.transport === "http" ? `on port ${this.options.port ?? DEFAULT_PORT}` : "Socket Mode";
      const detail = `could not start Slack ${where}: ${describeFailure(err)}`;
      this.options.logger.error({ reason: describeFailure(err) }, "Slack adapter did not start");
      this.setState({ state: "error", detail });
      const local = ["EADDRINUSE", "EACCES", "EADDRNOTAVAIL"].includes((err as { code?: string }).code ?? "");
      if (local)
        throw new PaperboyError(
          ErrorCode.Platform,
          `${detail}; free the port or set another with PORT (or http.port), then start again`,
          { key: "PORT" },
          { cause: err },
        );
      // Socket Mode that cannot connect yet: its own client keeps reconnecting.
      return;
    }
    if (this.mode.transport === "socket") this.watchSocket();
    this.startSweeper();
    const outcome = await this.checkConnection();
    if (outcome === "retry") this.reconnect.schedule();
  }

  /**
   * Asks Slack who we are (single-token mode: auth.test; OAuth: api.test, which needs no token).
   * Connected when it answers; "retry" when Slack could not be reached; "give-up" when it
   * rejected the token (that needs a person).
   */
  private async checkConnection(): Promise<TryOutcome> {
    try {
      if (this.mode.auth === "token") await this.whoAmI();
      else await this.clientFor("").api.test();
      if (this.pausing) return "give-up";
      this.setState({ state: "connected" });
      return "connected";
    } catch (err) {
      if (this.pausing) return "give-up";
      const reason = describeFailure(err);
      if (isUnreachable(err)) {
        const detail = `cannot reach Slack's Web API at ${this.mode.apiUrl} (${reason}); retrying in ${inWords(this.reconnect.nextDelayMs())}`;
        this.options.logger.warn({ reason }, "Slack is unreachable; will try again");
        this.setState({ state: "disconnected", detail });
        return "retry";
      }
      // Without a single token, any answer at all means Slack is there.
      if (this.mode.auth === "oauth") {
        this.setState({ state: "connected" });
        return "connected";
      }
      this.options.logger.error({ reason }, "Slack bot token check failed");
      this.setState({
        state: "error",
        detail: `Slack rejected the bot token (${reason}); set a valid SLACK_BOT_TOKEN (xoxb-…) and restart`,
      });
      return "give-up";
    }
  }

  /**
   * Answers owed to requests another replica (or this process before a restart) acked and did not
   * answer: pruned and taken over after their lease. Runs on the adapter's timer; tests call it
   * with their clock moved. One sweep at a time; resolves with how many it took over.
   */
  sweepOwed(): Promise<number> {
    this.sweeping ??= this.handlers
      .sweepOwed()
      .catch((err: unknown) => {
        this.options.logger.warn({ reason: describeFailure(err) }, "owed-answers sweep failed");
        return 0;
      })
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  private startSweeper(): void {
    if (!this.options.owed || this.sweeper) return;
    // Often enough that a dead replica's answers come within about a lease and a half.
    const every = Math.max(250, Math.min((this.options.owed.leaseMs ?? DEFAULT_OWED_LEASE_MS) / 2, 30_000));
    this.sweeper = setInterval(() => void this.sweepOwed(), every);
    this.sweeper.unref();
  }

  /**
   * Closes the receiver (no new requests) once start has settled; answers in flight still post:
   * they use the Web API, not the receiver.
   */
  pause(): Promise<void> {
    this.pausing ??= (async () => {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
      await this.reconnect.stop();
      await this.starting?.catch(() => {});
      if (this.receiving) {
        try {
          await this.built.app.stop();
        } catch (err) {
          this.options.logger.warn({ reason: describeFailure(err) }, "Slack adapter stop failed");
        }
      }
      this.receiving = false;
      this.listening = undefined;
    })();
    return this.pausing;
  }

  /** Stops once, however often it is called (SIGTERM may arrive twice). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.pause();
      this.setState({ state: "stopped" });
    })();
    return this.stopping;
  }

  /**
   * Posts replies into a channel (the daily roundup); split over several messages when long. With
   * a mark, each message carries it as metadata; resuming, the parts already in the channel's
   * history are not posted again.
   */
  async post(target: ChannelTarget, replies: Reply[], mark?: DeliveryMark): Promise<string[]> {
    const client = this.clientFor(await this.tokenFor(target.workspace));
    // Cut to a bounded number of messages (with a note), never split without end.
    const messages = replies.flatMap((reply) =>
      cutToMessages(
        renderReply(reply.kind === "thread" ? reply.card : reply),
        MAX_CHANNEL_POST_MESSAGES,
        cutHint(reply),
      ),
    );
    const already = mark?.resume ? await this.alreadyPosted(client, target, mark) : new Map<number, string>();
    const poster = this.posters.for(client);
    // An unmarked post (an alert, a reminder) gets a mark of its own, so that a part Slack did not
    // answer can be looked for too.
    const marking: DeliveryMark = mark ?? {
      id: `post:${randomUUID()}`,
      label: "post",
      // Slack stamps messages with its own clock: look from a little earlier than now.
      since: new Date(this.options.clock.now().getTime() - MAX_REQUEST_SKEW_MS),
      resume: false,
    };
    const ids: string[] = [];
    for (const [i, msg] of messages.entries()) {
      const earlier = already.get(i + 1);
      if (earlier) {
        ids.push(earlier);
        continue;
      }
      try {
        // A part whose post got no answer is looked for by its mark before it is posted again;
        // when the channel cannot be read it is taken as posted: a part possibly missing (logged)
        // beats a scheduler retry posting the whole post again.
        const ts = await postOnce({
          what: { channel: target.channel, part: i + 1, parts: messages.length, delivery: marking.id },
          post: async () =>
            (
              await poster.chat.postMessage({
                channel: target.channel,
                text: msg.text,
                ...(msg.blocks.length ? { blocks: msg.blocks } : {}),
                metadata: markMetadata(marking, i + 1, messages.length),
                unfurl_links: false,
                unfurl_media: false,
              })
            ).ts,
          find: async () => (await markedParts(client, target.channel, marking)).get(i + 1) ?? null,
          unknown: "skip",
          logger: this.options.logger,
        });
        if (ts) ids.push(ts);
      } catch (err) {
        this.noteFailure(err);
        throw new PaperboyError(
          ErrorCode.Platform,
          `Slack refused a post to channel ${target.channel}: ${describeFailure(err)}; invite paperboy to the channel (/invite @paperboy) or check its token`,
          { key: `slack.${target.workspace}.${target.channel}` },
          { cause: err },
        );
      }
    }
    return ids;
  }

  /** The parts of a delivery already in the channel; none when the history cannot be read. */
  private async alreadyPosted(
    client: webApi.WebClient,
    target: ChannelTarget,
    mark: DeliveryMark,
  ): Promise<Map<number, string>> {
    try {
      const found = await markedParts(client, target.channel, mark);
      if (found.size)
        this.options.logger.info(
          { delivery: mark.id, parts: [...found.keys()] },
          "parts of this delivery were already posted before a restart; not posting them again",
        );
      return found;
    } catch (err) {
      this.options.logger.warn(
        { delivery: mark.id, reason: describeFailure(err) },
        "could not read the channel's history to look for an earlier post; posting it (it may appear twice)",
      );
      return new Map();
    }
  }

  private whoAmI(): Promise<Identity> {
    if (!this.identity) {
      const check = this.clientFor(this.options.botToken as string)
        .auth.test()
        .then((r) => ({ botUserId: r.user_id, botId: r.bot_id, teamId: r.team_id }));
      this.identity = check;
      // A failed check is forgotten so the next event tries again (a token fixed without restart).
      check.catch(() => {
        if (this.identity === check) this.identity = undefined;
      });
    }
    return this.identity;
  }

  private async tokenFor(workspace: string): Promise<string> {
    if (this.mode.auth === "token") return this.options.botToken as string;
    const installer = this.built.installer;
    try {
      // The installer refreshes rotating tokens that are about to expire and stores the new ones.
      const auth = await installer?.authorize({
        teamId: workspace,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      if (auth?.botToken) return auth.botToken;
    } catch (err) {
      this.options.logger.warn({ workspace, reason: describeFailure(err) }, "no Slack installation");
    }
    throw new PaperboyError(
      ErrorCode.Platform,
      `paperboy is not installed in Slack workspace ${workspace}; install it from /slack/install`,
      { key: `slack.${workspace}` },
    );
  }

  private clientFor(token: string): webApi.WebClient {
    return this.clients.get(token);
  }

  private readonly watched = new WeakSet<webApi.WebClient>();

  /** Counts the client's 429 answers once per client, whoever created it (Bolt or us). */
  private watch(client: webApi.WebClient): void {
    if (this.watched.has(client) || !this.options.onRateLimited) return;
    this.watched.add(client);
    const hook = this.options.onRateLimited;
    client.on(webApi.WebClientEvent.RATE_LIMITED, () => hook());
  }

  private noteFailure(err: unknown): void {
    if (this.pausing) return;
    const code = slackErrorCode(err);
    // With one bot token, a token error stops everything; with OAuth it concerns one workspace only.
    if (code && AUTH_ERRORS.has(code) && this.mode.auth === "token") {
      this.setState({
        state: "error",
        detail: `Slack rejected the bot token (${code}); set a valid SLACK_BOT_TOKEN`,
      });
      return;
    }
    // Slack stopped answering: say so, and find out by asking again when it is back.
    if (isUnreachable(err) && this.state.state === "connected" && !this.reconnect.active) {
      this.setState({
        state: "disconnected",
        detail: `cannot reach Slack's Web API at ${this.mode.apiUrl} (${describeFailure(err)}); checking again`,
      });
      this.reconnect.schedule();
    }
  }

  private watchSocket(): void {
    const receiver = this.built.receiver as { client?: EventEmitter };
    const socket = receiver.client;
    if (!socket || typeof socket.on !== "function") return;
    socket.on("connected", () => this.state.state !== "stopped" && this.setState({ state: "connected" }));
    socket.on("reconnecting", () =>
      this.setState({ state: "disconnected", detail: "Socket Mode connection lost; reconnecting" }),
    );
    socket.on("disconnected", () =>
      this.pausing ? undefined : this.setState({ state: "disconnected", detail: "Socket Mode disconnected" }),
    );
  }
}

/** The factory the composition root calls; throws a ConfigError naming a missing or bad setting. */
export function createSlackAdapter(bot: Bot, options: SlackAdapterOptions): SlackAdapter {
  return new SlackAdapter(bot, options);
}

export { slackOptionsFromEnv } from "./options.js";
