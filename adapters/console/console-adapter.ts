/**
 * The console bot: the same commands as Slack and Discord, typed at a prompt or piped on stdin.
 * `discuss <id>` opens a sub-prompt that is the thread: lines there are questions about the paper
 * until `back`. Like a Slack thread, it outlives a restart: the next session starts in it.
 * Piped input is answered line by line, in order, and EOF ends the session.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { createInterface, type Interface } from "node:readline";
import type { Adapter, AdapterStatus, ChannelTarget } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import type { FileReply, Reply } from "../../src/bot/replies.js";
import type { Clock } from "../../src/clock.js";
import { renderReply, type Style, styleFor, terminalSafe } from "./render.js";
import { ConsoleSession } from "./session.js";

export const CONSOLE_CHANNEL = "console";

export interface ConsoleAdapterOptions {
  bot: Bot;
  clock: Clock;
  input: NodeJS.ReadableStream;
  output: (text: string) => void;
  /** Colors and an interactive prompt only on a terminal. */
  isTTY: boolean;
  /** Who is typing; default $USER or "you". */
  user?: string;
  /** Previous session's lines, newest first, for arrow-up history on a terminal. */
  history?: string[];
  /** Where `export` writes its files (the console's way of sending a file); default ./exports. */
  exportDir?: string;
}

const LEAVE_THREAD = new Set(["back", "/back", "done", "leave"]);
const QUIT = new Set(["exit", "quit", "/exit", "/quit", ":q"]);

export class ConsoleAdapter implements Adapter {
  readonly platform = "console" as const;
  private state: AdapterStatus = { state: "stopped" };
  private readonly style: Style;
  private rl: Interface | null = null;
  /** The open thread: its id and its paper. */
  private thread: { id: string; paperId: string } | null = null;
  private threadCount = 0;
  private readonly session: ConsoleSession;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.style = styleFor(options.isTTY);
    this.session = new ConsoleSession(options.bot.engine.sidecarPath("console.json"), this.user());
  }

  private user(): string {
    return this.options.user ?? "you";
  }

  /**
   * Back in the thread the last session ended in, if the archive still has it; says so, since
   * the lines that follow are then questions about its paper.
   */
  resume(): void {
    const id = this.session.thread();
    if (!id) return;
    const paper = this.options.bot.threadPaper({ ...this.context(), thread: id });
    if (!paper) {
      this.session.save(null);
      return;
    }
    this.thread = { id, paperId: paper.id };
    this.options.output(
      `${this.style.dim(`(back in the discussion of "${terminalSafe(paper.title)}" (${terminalSafe(paper.id)}): ask questions; \`back\` returns to the channel)`)}\n\n`,
    );
  }

  async start(): Promise<void> {
    this.state = { state: "connected" };
  }

  async stop(): Promise<void> {
    this.rl?.close();
    this.state = { state: "stopped" };
  }

  status(): AdapterStatus {
    return this.state;
  }

  /** Lines typed or piped, as they are entered (history for the next session). */
  readonly lines: string[] = [];

  async post(_target: ChannelTarget, replies: Reply[]): Promise<string[]> {
    this.print(replies);
    return [`console-${this.options.clock.now().getTime()}`];
  }

  private print(replies: Reply[]): void {
    for (const r of replies) {
      if (r.kind === "file") {
        this.options.output(`${this.writeFiles(r)}\n\n`);
        continue;
      }
      this.options.output(`${renderReply(r, this.style)}\n\n`);
    }
  }

  /** A file reply on the console: the files written to the export folder, and where they are. */
  private writeFiles(reply: FileReply): string {
    const dir = resolve(this.options.exportDir ?? "exports");
    const lines = [renderReply(reply, this.style)];
    try {
      mkdirSync(dir, { recursive: true });
      for (const f of reply.files) {
        // Names are plain already (letters, digits, "." and "-"); basename keeps them in the folder.
        const path = join(dir, basename(f.name));
        writeFileSync(path, f.content, { mode: 0o600 });
        lines.push(`  wrote ${path} (${Math.max(1, Math.round(Buffer.byteLength(f.content) / 1024))} KB)`);
      }
    } catch (err) {
      lines.push(
        this.style.error(
          `could not write the export to ${dir}: ${(err as Error).message}; make the folder writable or run \`paperboy export\` with a path you can write`,
        ),
      );
    }
    return lines.join("\n");
  }

  private context(): Context {
    return {
      platform: "console",
      workspace: "",
      channel: CONSOLE_CHANNEL,
      user: this.user(),
      at: this.options.clock.now(),
      addressed: true,
      ...(this.thread ? { thread: this.thread.id } : {}),
    };
  }

  private prompt(): string {
    const base = this.thread ? `paperboy ${terminalSafe(this.thread.paperId)}> ` : "paperboy> ";
    return this.options.isTTY ? this.style.accent(base) : base;
  }

  /** Handles one line; false when the user asked to quit. */
  async handleLine(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (!line) return true;
    this.lines.push(line);
    if (QUIT.has(line.toLowerCase())) return false;
    if (this.thread && LEAVE_THREAD.has(line.toLowerCase())) {
      this.options.output(`Left the discussion of ${this.thread.paperId}.\n\n`);
      this.thread = null;
      this.session.save(null);
      return true;
    }
    const ctx = this.context();
    await this.options.bot.respond(line, ctx, async (replies) => {
      for (const r of replies) {
        if (r.kind !== "thread") {
          this.print([r]);
          continue;
        }
        // The console's thread is a sub-prompt: the card, then the intro, then the prompt changes.
        const id = await this.options.bot.startDiscussion(r, ctx, {
          openThread: async () => {
            this.print([r]);
            // Unique across sessions too: a resumed session must not reuse an older thread's id.
            return `console-thread-${this.options.clock.now().getTime().toString(36)}-${++this.threadCount}-${randomBytes(3).toString("hex")}`;
          },
          postIntro: async () =>
            this.options.output(
              this.style.dim("(in the thread: ask questions; `back` returns to the channel)\n\n"),
            ),
        });
        this.thread = { id, paperId: r.paperId };
        this.session.save(id);
      }
    });
    return true;
  }

  /** Runs until EOF or `exit`. */
  async run(): Promise<void> {
    await this.start();
    this.resume();
    const rl = createInterface({
      input: this.options.input,
      output: this.options.isTTY ? process.stdout : undefined,
      terminal: this.options.isTTY,
      history: this.options.history ?? [],
      historySize: 500,
    });
    this.rl = rl;
    if (this.options.isTTY) {
      rl.setPrompt(this.prompt());
      rl.prompt();
    }
    try {
      for await (const line of rl) {
        const goOn = await this.handleLine(line);
        if (!goOn) break;
        if (this.options.isTTY) {
          rl.setPrompt(this.prompt());
          rl.prompt();
        }
      }
    } finally {
      // The end of input is not the end of the adapter: in `serve` it still posts roundups.
      rl.close();
      this.rl = null;
    }
  }
}
