/**
 * An adapter for tests and the soak benchmark, with the same interface as the real ones: it turns
 * "a user said X in channel C" into bot calls and records everything the bot would have posted.
 */
import type { Adapter, AdapterStatus, ChannelTarget } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import type { Reply } from "../../src/bot/replies.js";
import type { Clock } from "../../src/clock.js";

export interface Posted {
  target: ChannelTarget;
  thread?: string;
  replies: Reply[];
  id: string;
}

/** A message the bot sent in a conversation: its id, for reactions. */
export interface SentMessage {
  id: string;
  channel: string;
  reply: Reply;
}

export class TestAdapter implements Adapter {
  readonly platform = "test" as const;
  readonly posted: Posted[] = [];
  /** Every reply of `say`, as the message it became (like Discord, the bot is told each id). */
  readonly sent: SentMessage[] = [];
  private state: AdapterStatus = { state: "stopped" };
  private nextId = 1;
  private failures: Error[] = [];

  constructor(
    private readonly bot: Bot,
    private readonly clock: Clock,
  ) {}

  async start(): Promise<void> {
    this.state = { state: "connected" };
  }

  async stop(): Promise<void> {
    this.state = { state: "stopped" };
  }

  status(): AdapterStatus {
    return this.state;
  }

  /** The next `post` calls fail with these errors, in order (a platform outage). */
  failNextPosts(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  async post(target: ChannelTarget, replies: Reply[]): Promise<string[]> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const id = `m${this.nextId++}`;
    this.posted.push({ target, replies, id });
    if (replies.length === 1)
      this.bot.posted({ platform: "test", channel: target.channel, message: id }, replies[0] as Reply);
    return [id];
  }

  /** A user says `text` in a channel (or a thread); returns what the bot answered there. */
  async say(
    text: string,
    where: { channel?: string; user?: string; thread?: string; workspace?: string } = {},
  ): Promise<Reply[]> {
    const ctx: Context = {
      platform: "test",
      workspace: where.workspace ?? "W1",
      channel: where.channel ?? "C1",
      user: where.user ?? "U1",
      at: this.clock.now(),
      addressed: true,
      ...(where.thread ? { thread: where.thread } : {}),
    };
    const out: Reply[] = [];
    await this.bot.respond(text, ctx, async (replies) => {
      for (const reply of replies) {
        out.push(reply);
        const id = `m${this.nextId++}`;
        this.sent.push({ id, channel: ctx.channel, reply });
        this.bot.posted({ platform: "test", channel: ctx.channel, message: id }, reply);
        if (reply.kind === "thread") {
          // A real platform posts the card and opens a thread under it; here the thread id is the message id.
          this.lastThread = await this.bot.startDiscussion(reply, ctx, {
            openThread: async (card) => {
              const [id] = await this.post(
                { platform: "test", workspace: ctx.workspace, channel: ctx.channel },
                [card],
              );
              return id as string;
            },
            postIntro: async () => {},
          });
        }
      }
    });
    return out;
  }

  /** The id of the latest message the bot sent in `say` (a reply of kind `kind`, when given). */
  lastMessage(kind?: Reply["kind"]): string {
    const found = this.sent.findLast((m) => kind === undefined || m.reply.kind === kind);
    if (!found) throw new Error(`the bot sent no ${kind ?? ""} message`);
    return found.id;
  }

  /** A user adds (or removes) a reaction on a message, as the platform reports it. */
  react(
    message: string,
    emoji: string,
    where: { channel?: string; user?: string; added?: boolean; byBot?: boolean; workspace?: string } = {},
  ) {
    return this.bot.reaction({
      platform: "test",
      workspace: where.workspace ?? "W1",
      channel: where.channel ?? "C1",
      message,
      user: where.user ?? "U1",
      emoji,
      added: where.added ?? true,
      at: this.clock.now(),
      ...(where.byBot !== undefined ? { byBot: where.byBot } : {}),
    });
  }

  /** The thread opened by the latest `discuss`. */
  lastThread: string | null = null;
}
