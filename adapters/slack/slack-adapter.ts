/**
 * paperboy in Slack: the Adapter the composition root starts. It owns the Bolt App, reports its
 * state for /healthz, posts roundups into channels, and never lets a Slack failure (a revoked
 * token, a port in use, an API outage) escape as an exception.
 */
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { type Authorize, webApi } from "@slack/bolt";
import type { Adapter, AdapterStatus, ChannelTarget } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Reply } from "../../src/bot/replies.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";
import { type BuiltApp, buildApp } from "./app.js";
import { SeenIds } from "./dedupe.js";
import { registerHandlers } from "./handlers.js";
import { ArchiveInstallationStore } from "./installation-store.js";
import { DEFAULT_PORT, resolveMode, type SlackAdapterOptions, type SlackMode } from "./options.js";
import { registerReactions } from "./reactions.js";
import { renderReply } from "./render.js";
import { AUTH_ERRORS, describeFailure, slackErrorCode } from "./slack-errors.js";

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
  private readonly clients = new Map<string, webApi.WebClient>();
  private identity: Promise<Identity> | undefined;
  private listening: { port: number } | undefined;
  private stopping: Promise<void> | undefined;
  private started = false;

  constructor(
    readonly bot: Bot,
    private readonly options: SlackAdapterOptions,
  ) {
    super();
    this.mode = resolveMode(options);
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
    });
    registerHandlers(this.built.app, {
      bot,
      clock: options.clock,
      logger: options.logger,
      seen: new SeenIds(options.clock),
      onFailure: (err) => this.noteFailure(err),
      onDuplicate: (id, retryNum) => this.emit("duplicate", id, retryNum),
      onHandled: (kind) => this.emit("handled", kind),
      watchClient: (client) => this.watch(client),
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

  /** Over HTTP the Bolt receiver owns the port, so serve's routes ride on it. */
  httpPort(): number | null {
    return this.mode.transport === "http" ? (this.port ?? null) : null;
  }

  private setState(state: AdapterStatus): void {
    this.state = state;
    this.emit("status", state);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.setState({ state: "starting" });
    let tokenProblem: string | undefined;
    if (this.mode.auth === "token") {
      try {
        await this.whoAmI();
      } catch (err) {
        tokenProblem = `Slack rejected the bot token (${describeFailure(err)}); set a valid SLACK_BOT_TOKEN (xoxb-…) and restart`;
        this.options.logger.error({ reason: describeFailure(err) }, "Slack bot token check failed");
      }
    }
    try {
      const host = this.options.host;
      const port = this.options.port ?? DEFAULT_PORT;
      const server = (await (this.mode.transport === "http" && host
        ? this.built.app.start({ port, host })
        : this.built.app.start(port))) as unknown;
      const address = (server as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
      if (address && typeof address === "object") this.listening = { port: address.port };
    } catch (err) {
      const detail = `could not start Slack ${this.mode.transport === "http" ? `on port ${this.options.port ?? DEFAULT_PORT}` : "Socket Mode"}: ${describeFailure(err)}`;
      this.options.logger.error({ reason: describeFailure(err) }, "Slack adapter did not start");
      this.setState({ state: "error", detail });
      return;
    }
    if (this.mode.transport === "socket") this.watchSocket();
    this.setState(tokenProblem ? { state: "error", detail: tokenProblem } : { state: "connected" });
  }

  /** Stops once, however often it is called (SIGTERM may arrive twice). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.started && this.state.state !== "error") {
        try {
          await this.built.app.stop();
        } catch (err) {
          this.options.logger.warn({ reason: describeFailure(err) }, "Slack adapter stop failed");
        }
      } else if (this.listening) {
        await this.built.app.stop().catch(() => {});
      }
      this.listening = undefined;
      this.setState({ state: "stopped" });
    })();
    return this.stopping;
  }

  /** Posts replies into a channel (the daily roundup); split over several messages when long. */
  async post(target: ChannelTarget, replies: Reply[]): Promise<string[]> {
    const client = this.clientFor(await this.tokenFor(target.workspace));
    const ids: string[] = [];
    for (const reply of replies) {
      const messages = renderReply(reply.kind === "thread" ? reply.card : reply);
      for (const msg of messages) {
        try {
          const res = await client.chat.postMessage({
            channel: target.channel,
            text: msg.text,
            ...(msg.blocks.length ? { blocks: msg.blocks } : {}),
            unfurl_links: false,
            unfurl_media: false,
          });
          if (res.ts) ids.push(res.ts);
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
    }
    return ids;
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
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.built.clientOptions);
      this.watch(client);
      this.clients.set(token, client);
    }
    return client;
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
    const code = slackErrorCode(err);
    // With one bot token, a token error stops everything; with OAuth it concerns one workspace only.
    if (code && AUTH_ERRORS.has(code) && this.mode.auth === "token") {
      this.setState({
        state: "error",
        detail: `Slack rejected the bot token (${code}); set a valid SLACK_BOT_TOKEN`,
      });
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
      this.stopping
        ? undefined
        : this.setState({ state: "disconnected", detail: "Socket Mode disconnected" }),
    );
  }
}

/** The factory the composition root calls; throws a ConfigError naming a missing or bad setting. */
export function createSlackAdapter(bot: Bot, options: SlackAdapterOptions): SlackAdapter {
  return new SlackAdapter(bot, options);
}

export { slackOptionsFromEnv } from "./options.js";
