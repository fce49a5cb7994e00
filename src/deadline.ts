/**
 * Racing work against a deadline: the bot's "working…" notice, Discord's deferred reply and serve's
 * shutdown all ask "is it done within N ms?", and none of them may leave a timer behind.
 */

/** What `within` answers when the deadline came first. The work itself goes on. */
export const LATE: unique symbol = Symbol("late");

/** The work's result when it settles within `ms`, else LATE; the timer is cleared either way. */
export async function within<T>(ms: number, work: Promise<T>): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
