/**
 * The robot core: one command model for every platform. Adapters turn a platform event into text
 * (or a structured command) plus a Context, call `respond`, and render the Replies they get back.
 * Threads, rate limits, deadlines and the audit log live here, once.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.js";
import { parsePaperRef } from "../digest/identity.js";
import { ErrorCode, isPaperboyError, PaperboyError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";
import type { Paper } from "../types.js";
import { paperCard, paperLite } from "./cards.js";
import { COMMAND_DOCS, type Command, MAX_TEXT } from "./commands.js";
import type { Context } from "./context.js";
import { type ParseResult, parseCommand, resolveCommandWord, validateCommand } from "./parse.js";
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { type AnswerReply, notice, type Reply, type ResultList, type SettingsReply } from "./replies.js";
import { buildRoundup } from "./roundup.js";

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
}

export type Send = (replies: Reply[]) => Promise<void>;

export interface CommandEvent {
  command: string;
  outcome: "ok" | "error" | "rejected" | "limited";
  platform: string;
  ms: number;
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
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(engine: Paperboy, options: BotOptions) {
    this.engine = engine;
    this.clock = options.clock;
    this.logger = options.logger;
    this.audit = options.audit ?? options.logger;
    this.onCommand = options.onCommand;
    this.limiter = new RateLimiter(options.clock, options.rateLimits ?? DEFAULT_RATE_LIMITS);
    this.deadlineMs = options.deadlineMs ?? 2000;
    this.pageSize = options.pageSize ?? 5;
    this.defaults = { timezone: options.defaultTimezone ?? "UTC", time: options.defaultTime ?? "09:00" };
  }

  /**
   * Handles one message or command and delivers the replies through `send`. If the answer takes
   * longer than the deadline, a "working…" notice goes first. Never throws for user input.
   */
  async respond(input: string | Record<string, unknown>, ctx: Context, send: Send): Promise<void> {
    const work = this.handle(input, ctx);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.deadlineMs);
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first === "late") {
      await send([notice("Working on it…")]);
      await send(await work);
    } else {
      await send(first);
    }
  }

  /** Handles one message (text) or a structured command; returns the replies. */
  async handle(input: string | Record<string, unknown>, ctx: Context): Promise<Reply[]> {
    this.inFlight++;
    try {
      return await this.handleCounted(input, ctx);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Commands being handled right now (graceful shutdown waits for them). */
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
    try {
      const limited = this.limiter.check(`${ctx.platform}:${ctx.user}`, `${ctx.platform}:${ctx.channel}`);
      if (limited) {
        outcome = "limited";
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
      const parsed = typeof input === "string" ? this.parseInThread(input, thread) : validateCommand(input);
      if (!parsed.ok) {
        outcome = "rejected";
        // In a discussion thread, anything that is not a command is a question about the paper.
        return [
          notice(
            parsed.usage ? `${parsed.error} Usage: \`${parsed.usage}\`` : parsed.error,
            "warning",
            ErrorCode.Usage,
          ),
        ];
      }
      name = parsed.command.name;
      const replies = await this.run(parsed.command, ctx, thread);
      if (parsed.truncated)
        replies.push(notice(`Your message was longer than ${MAX_TEXT} characters; only the start was read.`));
      return replies;
    } catch (err) {
      outcome = "error";
      if (isPaperboyError(err)) {
        code = err.code;
        return [notice(err.message, "error", err.code)];
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
      this.onCommand?.({ command: name, outcome, platform: ctx.platform, ms });
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

  private parseInThread(text: string, thread: Paper | null): ParseResult {
    const parsed = parseCommand(text);
    if (!thread) return parsed;
    const [word = "", second] = text.trim().split(/\s+/);
    const name = resolveCommandWord(word.replace(/^\//, ""));
    // "show me the results" in a thread is a question, not `show` of a paper called "me".
    const namesNoPaper =
      (name === "show" || name === "discuss") &&
      (!second || (!parsePaperRef(second) && this.engine.papers.resolve(second) === null));
    if (name && !namesNoPaper) return parsed;
    const question = text.trim().slice(0, MAX_TEXT);
    return question
      ? { ok: true, command: { name: "ask", question }, truncated: text.trim().length > MAX_TEXT }
      : parsed;
  }

  /** The paper a discussion thread is about, or null outside one. */
  threadPaper(ctx: Context): Paper | null {
    if (!ctx.thread) return null;
    const t = this.engine.threads.get({ platform: ctx.platform, channel: ctx.channel, thread: ctx.thread });
    return t ? this.engine.papers.byPk(t.paperPk) : null;
  }

  /** Called by an adapter once it has created the thread for a `discuss` reply. */
  threadOpened(ctx: Context, thread: string, paperId: string): void {
    const paper = this.engine.paper(paperId);
    const pk = this.engine.papers.resolve(paper.id) as number;
    this.engine.threads.open({
      platform: ctx.platform,
      workspace: ctx.workspace,
      channel: ctx.channel,
      thread,
      paperPk: pk,
      createdBy: ctx.user,
    });
  }

  /** True when `ctx` is a thread bound to a paper (adapters use it to decide what to forward). */
  isDiscussion(ctx: Context): boolean {
    return this.threadPaper(ctx) !== null;
  }

  private async run(command: Command, ctx: Context, thread: Paper | null): Promise<Reply[]> {
    const e = this.engine;
    const idOrThread = (id: string | undefined): Paper => {
      if (id) return e.paper(id);
      if (thread) return thread;
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `\`${command.name}\` needs a paper id (or use it inside a discussion thread)`,
      );
    };
    switch (command.name) {
      case "help":
        return [this.help(command.topic)];
      case "search":
        return [this.search(command)];
      case "show":
        return [paperCard(e, e.paper(command.id), { abstract: true })];
      case "summary": {
        const p = idOrThread(command.id);
        return [paperCard(e, p, { omit: thread?.id === p.id ? ["discuss", "summary"] : ["summary"] })];
      }
      case "related": {
        const p = idOrThread(command.id);
        const { results } = e.related(p.id, this.pageSize);
        const papers = e.papers.byPks(results.map((r) => r.pk));
        const list: ResultList = {
          kind: "results",
          title: `Related to "${p.title}"`,
          items: papers.map((rp, i) => paperLite(e, rp, { score: results[i]?.score })),
          total: papers.length,
          offset: 0,
          emptyText: "No related papers in the archive yet.",
        };
        return [list];
      }
      case "code": {
        const p = idOrThread(command.id);
        if (!p.code.length && !p.links.length) {
          return [notice(`"${p.title}" (${p.id}) names no code or links in its abstract.`)];
        }
        const lines = [
          ...p.code.map((u) => `code: ${u}`),
          ...p.links.filter((l) => !p.code.includes(l)).map((u) => `link: ${u}`),
        ];
        return [notice(`Code and links of "${p.title}" (${p.id}):\n${lines.join("\n")}`)];
      }
      case "today": {
        const date = e.latestDay();
        if (!date) return [notice("The archive is empty: no digest has been ingested yet.")];
        return [this.day(date, 0)];
      }
      case "day":
        return [this.day(command.date, command.offset)];
      case "roundup": {
        const date = command.date ?? e.latestDay();
        if (!date) return [notice("The archive is empty: no digest has been ingested yet.")];
        if (e.papers.dayPks(date).length === 0)
          return [notice(`No digest for ${date} in the archive.`, "warning", ErrorCode.UnknownDay)];
        const settings = e.channels.get({ platform: ctx.platform, channel: ctx.channel });
        return [buildRoundup(e, date, { filters: settings?.filters ?? [] })];
      }
      case "discuss": {
        const p = e.paper(command.id);
        return [
          {
            kind: "thread",
            paperId: p.id,
            card: paperCard(e, p, { omit: ["discuss"] }),
            intro: `Discussion of "${p.title}". Ask anything about the paper here: what it proposes, how it works, its results, datasets, code, limitations. "related", "code" and "summary" work without an id.`,
          },
        ];
      }
      case "ask":
        return [this.ask(command.question, ctx, thread)];
      case "subscribe":
      case "unsubscribe":
      case "settings":
        return [this.settings(command, ctx)];
    }
  }

  private search(command: Extract<Command, { name: "search" }>): ResultList {
    const e = this.engine;
    const result = e.search({
      text: command.query,
      since: command.since,
      until: command.until,
      hasCode: command.hasCode,
      limit: this.pageSize,
      offset: command.offset,
    });
    const papers = e.papers.byPks(result.results.map((r) => r.pk));
    const list: ResultList = {
      kind: "results",
      title: `Search: "${command.query}"`,
      items: papers.map((p, i) =>
        paperLite(e, p, { snippet: result.results[i]?.snippet, score: result.results[i]?.score }),
      ),
      total: result.total,
      offset: command.offset,
      emptyText: "No papers match.",
    };
    if (result.didYouMean) list.didYouMean = result.didYouMean;
    if (result.nextOffset !== undefined) {
      const filters = [
        command.since ? `since:${command.since}` : "",
        command.until ? `until:${command.until}` : "",
        command.hasCode ? "has:code" : "",
        `offset:${result.nextOffset}`,
      ].filter(Boolean);
      list.next = { kind: "more", label: "More", command: `search ${command.query} ${filters.join(" ")}` };
    }
    return list;
  }

  private day(date: string, offset: number): ResultList {
    const e = this.engine;
    const pks = e.papers.dayPks(date);
    if (pks.length === 0)
      throw new PaperboyError(
        ErrorCode.UnknownDay,
        `no digest for ${date} in the archive; \`today\` shows the newest day`,
      );
    const page = pks.slice(offset, offset + this.pageSize * 2);
    const list: ResultList = {
      kind: "results",
      title: `Papers of ${date}`,
      items: e.papers.byPks(page).map((p) => paperLite(e, p)),
      total: pks.length,
      offset,
    };
    const next = offset + page.length;
    if (next < pks.length) list.next = { kind: "more", label: "More", command: `day ${date} offset:${next}` };
    return list;
  }

  private ask(question: string, ctx: Context, thread: Paper | null): AnswerReply {
    let paper = thread;
    let q = question;
    if (!paper) {
      // Outside a thread, "ask <id> <question>" names the paper first.
      const [first, ...rest] = question.split(/\s+/);
      const ref = first
        ? (parsePaperRef(first) ?? (this.engine.papers.resolve(first) !== null ? first : null))
        : null;
      if (!ref || rest.length === 0) {
        throw new PaperboyError(
          ErrorCode.InvalidArgument,
          "`ask` works inside a discussion thread (open one with `discuss <id>`), or as `ask <id> <question>`",
        );
      }
      paper = this.engine.paper(ref);
      q = rest.join(" ");
    }
    const threadRef =
      thread && ctx.thread ? { platform: ctx.platform, channel: ctx.channel, thread: ctx.thread } : null;
    // A follow-up ("and on which dataset?", "why?") leans on the thread's earlier questions.
    const earlier = threadRef ? this.engine.threads.questions(threadRef) : [];
    const { answer } = this.engine.ask(paper.id, q, earlier);
    const reply: AnswerReply = {
      kind: "answer",
      paperId: paper.id,
      paperTitle: paper.title,
      question: q,
      text: answer.text,
      evidence: answer.evidence,
      unanswered: !answer.stated,
    };
    if (thread && ctx.thread) {
      const ref = { platform: ctx.platform, channel: ctx.channel, thread: ctx.thread };
      try {
        this.engine.threads.addMessage(ref, { author: ctx.user, role: "user", text: q });
        this.engine.threads.addMessage(ref, { author: "paperboy", role: "bot", text: answer.text });
      } catch (err) {
        // The answer matters more than its history: a read-only or full archive still answers.
        this.logger.warn({ err: (err as Error).message }, "thread history not recorded");
      }
    }
    return reply;
  }

  private settings(
    command: Extract<Command, { name: "subscribe" | "unsubscribe" | "settings" }>,
    ctx: Context,
  ): SettingsReply {
    const store = this.engine.channels;
    const ref = { platform: ctx.platform, channel: ctx.channel, workspace: ctx.workspace };
    const current = store.settings(ref, this.defaults);
    let changed: string | undefined;
    if (command.name === "subscribe") {
      // `subscribe topics all` (or none) drops the filters; no topics keeps the current ones.
      const clear =
        command.topics.length === 1 && /^(all|none|everything|any)$/i.test(command.topics[0] ?? "");
      const next = {
        ...current,
        workspace: ctx.workspace,
        subscribed: true,
        time: command.time ?? current.time,
        timezone: command.timezone ?? current.timezone,
        filters: clear ? [] : command.topics.length ? command.topics : current.filters,
      };
      store.save(next);
      changed = `Subscribed: the daily roundup will be posted here at ${next.time} (${next.timezone})${
        next.filters.length ? `, only papers about: ${next.filters.join(", ")}` : ""
      }.`;
      return { kind: "settings", ...pick(next), changed };
    }
    if (command.name === "unsubscribe") {
      if (!current.subscribed) changed = "This channel was not subscribed; nothing changed.";
      else {
        store.save({ ...current, subscribed: false });
        changed = "Unsubscribed: no more daily roundups here.";
      }
      return { kind: "settings", ...pick({ ...current, subscribed: false }), changed };
    }
    return { kind: "settings", ...pick(current) };
  }

  private help(topic?: string): Reply {
    if (topic) {
      const name = resolveCommandWord(topic);
      const doc = COMMAND_DOCS.find((d) => d.name === name);
      if (doc)
        return {
          kind: "help",
          intro: `${doc.usage}: ${doc.summary}`,
          commands: [{ usage: doc.usage, summary: doc.summary }],
        };
    }
    return {
      kind: "help",
      intro: "paperboy brings research papers into this channel. Commands:",
      commands: COMMAND_DOCS.map((d) => ({ usage: d.usage, summary: d.summary })),
      footer: "Ids are arXiv ids (2601.23265), pasted arXiv/Hugging Face links, or paperboy ids (pb-…).",
    };
  }
}

function pick(s: { subscribed: boolean; time: string; timezone: string; filters: string[] }) {
  return { subscribed: s.subscribed, time: s.time, timezone: s.timezone, filters: s.filters };
}
