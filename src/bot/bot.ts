/**
 * The robot core: the pipeline every chat command goes through, for every platform. Adapters turn
 * a platform event into text (or a structured command) plus a Context, call `respond`, and render
 * the Replies they get back. Rate limits, the audit log, the "working…" deadline and discussion
 * threads live here, once; what each command does lives in its own file under ./commands/.
 */
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { RateBucketStore } from "../archive/rate-buckets.js";
import type { Clock } from "../clock.js";
import { LATE, within } from "../deadline.js";
import { DEFAULTS } from "../defaults.js";
import { ErrorCode, isPaperboyError } from "../errors.js";
import {
  applyReaction,
  type ReactionEvent,
  type ReactionOutcome,
  rememberPaperMessage,
} from "../interests/channel-interests.js";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";
import { yieldToLoop } from "../time-slices.js";
import type { Paper } from "../types.js";
import { type ChatCommand, type CommandRun, findCommand } from "./command.js";
import { CHAT_COMMANDS } from "./commands/index.js";
import type { Context } from "./context.js";
import { ListPositions } from "./list-positions.js";
import { invoke, MAX_TEXT, type ParseResult, parseCommand, validateCommand } from "./parse.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { notice, type PaperCard, type Reply, type ThreadStartReply } from "./replies.js";

export interface BotOptions {
  clock: Clock;
  logger: Logger;
  /** Where the audit line of every command goes (JSON, one a command). Default: `logger`. */
  audit?: Logger;
  /** Called after every command (metrics). */
  onCommand?: (event: CommandEvent) => void;
  rateLimits?: RateLimitOptions;
  /** An answer not ready by then is preceded by a "working…" notice. Default 2000 ms. */
  deadlineMs?: number;
  /** Results per page in chat. Default 5. */
  pageSize?: number;
  /** Defaults for channels never configured. */
  defaultTimezone?: string;
  defaultTime?: string;
  /** The commands it answers; default every chat command (tests may narrow or extend them). */
  commands?: readonly ChatCommand[];
}

export type Send = (replies: Reply[]) => Promise<void>;

/** Users remembered as warned before expired entries are swept (memory stays flat under floods). */
const MAX_WARNED = 10_000;

/**
 * What a platform does when a reply opens a discussion (`discuss`): the bot runs the flow (post
 * the card, open a thread under it, bind the thread to the paper, post the intro in it) and the
 * platform only renders each step.
 */
export interface DiscussionSurface {
  /** Posts the paper's card in the channel and opens a thread under it; the thread's id. */
  openThread(card: PaperCard): Promise<string>;
  /** Posts the first message inside the new thread. */
  postIntro(thread: string, intro: string): Promise<void>;
  /** Deletes the card (and its thread) when the thread could not be stored. */
  retract?(thread: string): Promise<void>;
}

/** How a question was answered: for operators watching answer quality (`paperboy_answers_total`). */
export type AnswerKind = "sure" | "tentative" | "not_stated";

export interface CommandEvent {
  command: string;
  outcome: "ok" | "error" | "rejected" | "limited";
  platform: string;
  ms: number;
  /** Set when the command answered a question about a paper. */
  answer?: AnswerKind;
}

function answerKindOf(replies: readonly Reply[]): AnswerKind | undefined {
  const a = replies.find((r) => r.kind === "answer");
  if (!a) return undefined;
  return a.unanswered ? "not_stated" : a.tentative ? "tentative" : "sure";
}

export class Bot {
  readonly engine: Paperboy;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly audit: Logger;
  private readonly onCommand: ((event: CommandEvent) => void) | undefined;
  private readonly limiter: RateLimiter;
  private readonly deadlineMs: number;
  private readonly pageSize: number;
  private readonly defaults: { timezone: string; time: string };
  private readonly commands: readonly ChatCommand[];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  /** Users told to slow down, until when: a flood gets one warning per window. */
  private readonly warned = new Map<string, number>();
  /**
   * What a typed `more` continues: per user and place, the "More" command of the last list they
   * got. Kept in memory (a restart forgets it, like a scrolled-away list) and bounded.
   */
  private readonly continuations = new LRUCache<string, string>({ max: 10_000 });
  private readonly positions = new ListPositions();

  constructor(engine: Paperboy, options: BotOptions) {
    this.engine = engine;
    this.clock = options.clock;
    this.logger = options.logger;
    this.audit = options.audit ?? options.logger;
    this.onCommand = options.onCommand;
    this.limiter = new RateLimiter(
      options.clock,
      engine.store(RateBucketStore),
      options.rateLimits ?? DEFAULTS.rateLimits,
    );
    this.deadlineMs = options.deadlineMs ?? DEFAULTS.deadlineMs;
    this.pageSize = options.pageSize ?? DEFAULTS.pageSize;
    this.defaults = {
      timezone: options.defaultTimezone ?? DEFAULTS.timezone,
      time: options.defaultTime ?? DEFAULTS.roundupTime,
    };
    this.commands = options.commands ?? CHAT_COMMANDS;
  }

  /**
   * Handles one message or command and delivers the replies through `send`. If the answer takes
   * longer than the deadline, a "working…" notice goes first. Never throws for user input. The
   * whole of it, delivery and thread binding included, is work in flight for a graceful stop.
   */
  respond(input: string | Record<string, unknown>, ctx: Context, send: Send): Promise<void> {
    return this.track(async () => {
      const work = this.handleCounted(input, ctx);
      const first = await within(this.deadlineMs, work);
      if (first === LATE) await send([{ ...notice("Working on it…"), progress: true }]);
      const replies = first === LATE ? await work : first;
      // Rendered and posted in a turn of its own, apart from the command's work (for a roundup
      // of 500 papers, tens of milliseconds of each).
      await yieldToLoop();
      await send(replies);
    });
  }

  /** Handles one message (text) or a structured command; returns the replies. */
  handle(input: string | Record<string, unknown>, ctx: Context): Promise<Reply[]> {
    return this.track(() => this.handleCounted(input, ctx));
  }

  /**
   * Counts `work` as in flight until it settles: an adapter that delivers replies itself (after
   * `handle`) wraps the delivery in it, so a graceful stop waits for the post and the thread
   * binding after it, and the archive is not closed under them.
   */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Work in flight right now: commands being answered and their deliveries (nested ones count apart). */
  pending(): number {
    return this.inFlight;
  }

  /** Resolves once no command is being handled. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async handleCounted(input: string | Record<string, unknown>, ctx: Context): Promise<Reply[]> {
    // Yield once so a deadline timer started by the caller is armed before any work runs.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    const requestId = randomUUID().slice(0, 8);
    let name = "unknown";
    let outcome: "ok" | "error" | "rejected" | "limited" = "ok";
    let code: string | undefined;
    let answer: AnswerKind | undefined;
    try {
      const limited = ctx.retaken
        ? null
        : this.limiter.check(`${ctx.platform}:${ctx.user}`, `${ctx.platform}:${ctx.channel}`);
      if (limited) {
        outcome = "limited";
        // One warning per user and window; the rest of a flood is dropped quietly (a notice per
        // message would itself flood the thread and, on a rate-limited platform, hold up others).
        if (!this.warnOnce(ctx, limited.retryAfterMs) && !ctx.mustAnswer) return [];
        const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
        return [
          notice(
            `Slow down: too many requests ${limited.scope === "user" ? "from you" : "in this channel"}. Try again in ${seconds} s.`,
            "warning",
            ErrorCode.RateLimited,
          ),
        ];
      }
      const thread = this.threadPaper(ctx);
      const parsed = this.parse(input, thread);
      if (!parsed.ok) {
        outcome = "rejected";
        return [
          notice(
            parsed.usage ? `${parsed.error} Usage: \`${parsed.usage}\`` : parsed.error,
            "warning",
            ErrorCode.Usage,
          ),
        ];
      }
      name = parsed.command.name;
      const replies = await this.run(parsed, ctx, thread);
      answer = answerKindOf(replies);
      this.rememberContinuation(ctx, replies);
      if (parsed.truncated)
        replies.push(
          notice(
            `Your message was longer than ${parsed.limit ?? MAX_TEXT} characters; only the start was read.`,
          ),
        );
      return replies;
    } catch (err) {
      outcome = "error";
      if (isPaperboyError(err)) {
        code = err.code;
        return [notice(err.forChat(), "error", err.code)];
      }
      this.logger.error({ err, requestId }, "command failed");
      return [
        notice(
          `Something went wrong on our side (ref ${requestId}). It has been logged.`,
          "error",
          "E_INTERNAL",
        ),
      ];
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      this.onCommand?.({ command: name, outcome, platform: ctx.platform, ms, ...(answer ? { answer } : {}) });
      this.audit.info(
        {
          audit: true,
          requestId,
          platform: ctx.platform,
          workspace: ctx.workspace,
          channel: ctx.channel,
          thread: ctx.thread,
          user: ctx.user,
          command: name,
          outcome,
          code,
          ms,
        },
        "command",
      );
    }
  }

  /** True when this user should be told to slow down now; false when already told this window. */
  private warnOnce(ctx: Context, retryAfterMs: number): boolean {
    const now = this.clock.now().getTime();
    const key = `${ctx.platform}:${ctx.user}`;
    if ((this.warned.get(key) ?? 0) > now) return false;
    this.warned.set(key, now + retryAfterMs);
    if (this.warned.size > MAX_WARNED) {
      for (const [k, until] of this.warned) if (until <= now) this.warned.delete(k);
    }
    return true;
  }

  /** The command an input would run (adapters check what a command needs, e.g. thread permissions). */
  commandFor(input: string | Record<string, unknown>): ChatCommand | null {
    const word =
      typeof input === "string" ? (input.trim().split(/\s+/)[0] ?? "").replace(/^\//, "") : input.name;
    return typeof word === "string" ? findCommand(this.commands, word) : null;
  }

  private parse(input: string | Record<string, unknown>, thread: Paper | null): ParseResult {
    if (typeof input !== "string") return validateCommand(input, this.commands);
    const parsed = parseCommand(input, this.commands);
    if (!thread) return parsed;
    // In a discussion thread, anything that is not a command is a question about the paper.
    const [word = "", next] = input.trim().split(/\s+/);
    const command = findCommand(this.commands, word.replace(/^\//, ""));
    // "show me the results" in a thread is a question, not `show` of a paper called "me".
    const namesNoPaper = command?.paper === "required" && (!next || !this.engine.isPaperRef(next));
    // "more details on the loss?" too: `more` (like `today`) takes no words after it.
    const takesNoWords = command !== null && !command.parse && next !== undefined;
    if (command && !namesNoPaper && !takesNoWords) return parsed;
    const fallback = this.commands.find((c) => c.threadDefault);
    const text = input.trim();
    if (!fallback || !text) return parsed;
    return invoke(fallback, fallback.parse?.(text.slice(0, MAX_TEXT)) ?? {}, text.length > MAX_TEXT);
  }

  /** The paper a discussion thread is about, or null outside one. */
  threadPaper(ctx: Context): Paper | null {
    if (!ctx.thread) return null;
    return this.engine.threadPaper({ platform: ctx.platform, channel: ctx.channel, thread: ctx.thread });
  }

  /**
   * Opens the discussion a `thread` reply asks for, through the platform's surface; the thread's
   * id. A platform failure is the caller's to report (it knows how to tell its user).
   */
  async startDiscussion(reply: ThreadStartReply, ctx: Context, surface: DiscussionSurface): Promise<string> {
    // The binding is written first: an archive that cannot store it fails here, before any card.
    const binding = this.engine.reserveThread(reply.paperId, {
      platform: ctx.platform,
      workspace: ctx.workspace,
      channel: ctx.channel,
      createdBy: ctx.user,
    });
    let thread: string;
    try {
      thread = await surface.openThread(reply.card);
    } catch (err) {
      binding.release();
      throw err;
    }
    try {
      binding.bind(thread);
    } catch (err) {
      // Stored nowhere, the thread would never be answered: take the card back rather than leave it.
      await surface
        .retract?.(thread)
        .catch((again: unknown) =>
          this.logger.warn({ err: String(again), thread }, "could not take back a discussion card"),
        );
      throw err;
    }
    await surface.postIntro(thread, reply.intro);
    return thread;
  }

  /** Binds a thread the platform opened to a paper (startDiscussion does it as one of its steps). */
  threadOpened(ctx: Context, thread: string, paperId: string): void {
    this.engine.openThread(paperId, {
      platform: ctx.platform,
      workspace: ctx.workspace,
      channel: ctx.channel,
      thread,
      createdBy: ctx.user,
    });
  }

  /**
   * A reaction added to or removed from a message: 👍 ⭐ 👎 on the bot's message about one paper
   * teach the channel's interests (src/interests); anything else is ignored. Never throws: a
   * reaction has no one to answer, so a failure is logged.
   */
  reaction(event: ReactionEvent): ReactionOutcome {
    try {
      const outcome = applyReaction(this.engine, event);
      this.logger.debug(
        {
          platform: event.platform,
          channel: event.channel,
          message: event.message,
          added: event.added,
          ...outcome,
        },
        "reaction",
      );
      return outcome;
    } catch (err) {
      this.logger.warn({ err, platform: event.platform, channel: event.channel }, "reaction not recorded");
      return { applied: false, reason: "unchanged" };
    }
  }

  /**
   * An adapter tells which message a reply became, where the platform's reaction events name only
   * the message: a message showing one paper is remembered, so reactions on it are about it.
   */
  posted(message: { platform: string; channel: string; message: string }, reply: Reply): void {
    try {
      rememberPaperMessage(this.engine, message, reply);
    } catch (err) {
      this.logger.warn(
        { err, platform: message.platform, channel: message.channel },
        "message not remembered",
      );
    }
  }

  /** True when `ctx` is a thread bound to a paper (adapters use it to decide what to forward). */
  isDiscussion(ctx: Context): boolean {
    return this.threadPaper(ctx) !== null;
  }

  private continuationKey(ctx: Context): string {
    return JSON.stringify([ctx.platform, ctx.workspace, ctx.channel, ctx.thread ?? "", ctx.user]);
  }

  /** A list with a next page becomes what `more` continues; a list without one ends it. */
  private rememberContinuation(ctx: Context, replies: readonly Reply[]): void {
    const list = replies.findLast((r) => r.kind === "results");
    if (!list) return;
    const key = this.continuationKey(ctx);
    this.positions.remember(key, list);
    if (list.next) this.continuations.set(key, list.next.command);
    else this.continuations.delete(key);
  }

  private async run(invocation: ParseResult & { ok: true }, ctx: Context, thread: Paper | null) {
    const { name, ...args } = invocation.command;
    const command = findCommand(this.commands, name) as ChatCommand;
    // "show 3": the third paper of the last list shown here.
    if (command.paper && typeof args.id === "string") {
      // In a thread, a list of the channel still counts ("queue add 3" after a search there).
      const { thread: _inThread, ...channel } = ctx;
      const keys = [this.continuationKey(ctx), this.continuationKey(channel)];
      const found = this.positions.lookup(keys, args.id);
      if (found.kind === "found") args.id = found.id;
      else if (found.kind === "missing") {
        return [
          notice(
            found.shown === 0
              ? `"${found.position}" is not a paper id. A number names a paper of the last list you asked for here (\`search <words>\`, \`today\`), and there is none yet.`
              : `Your last list here has no paper number ${found.position} (it showed ${found.shown}). Use a number from it, or a paper id.`,
            "warning",
            ErrorCode.UnknownPaper,
          ),
        ];
      }
    }
    const on: CommandRun = {
      engine: this.engine,
      ctx,
      thread,
      pageSize: this.pageSize,
      channelDefaults: this.defaults,
      logger: this.logger,
      commands: this.commands,
      continuation: this.continuations.get(this.continuationKey(ctx)) ?? null,
      dispatch: async (text) => {
        const parsed = this.parse(text, thread);
        if (!parsed.ok) return [notice(parsed.error, "warning", ErrorCode.Usage)];
        // A continuation is a list command; it never continues itself.
        if (parsed.command.name === name) return [];
        return this.run(parsed, ctx, thread);
      },
    };
    return [...(await command.run(args, on))];
  }
}
