/** Who asked, where, and when: every command runs in a context the adapter builds from its event. */
export interface Context {
  /** The platform's name, as its module declares it (the core knows none of them). */
  platform: string;
  /** a team or server (Slack team, Discord guild); "" where the platform has none (console). */
  workspace: string;
  channel: string;
  /** The thread the message was posted in, when it was (Slack thread_ts, Discord thread id). */
  thread?: string;
  user: string;
  /** The user's display name, when the platform's event carries one (notes and the queue show it). */
  userName?: string;
  /** When the event happened (from the injected clock when the platform gives no time). */
  at: Date;
  /** Set by adapters: the message explicitly addressed the bot (mention, slash command, button). */
  addressed?: boolean;
  /**
   * Set by adapters whose platform needs an answer to every request (a Discord interaction): a
   * rate-limited one then gets the "slow down" notice each time instead of nothing.
   */
  mustAnswer?: boolean;
  /**
   * Set by adapters re-running a request another replica acked and did not answer (an owed
   * answer taken over): the rate limit already counted it when it arrived, so it is not drawn
   * from again (an asker near their limit would otherwise get "slow down" for a request they
   * made once).
   */
  retaken?: boolean;
}

/** The key a channel is stored under. */
export function channelKey(ctx: Pick<Context, "platform" | "channel">): {
  platform: string;
  channel: string;
} {
  return { platform: ctx.platform, channel: ctx.channel };
}
