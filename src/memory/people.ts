/** Who did something, as the team memory stores and shows them. */
import type { Person } from "../archive/reading-queue.js";
import type { Context } from "../bot/context.js";

export function personOf(ctx: Pick<Context, "user" | "userName">): Person {
  return ctx.userName ? { id: ctx.user, name: ctx.userName } : { id: ctx.user };
}

/** A display name where the platform gave one, else its id. Plain text: renderers escape it. */
export function displayName(p: Person | null | undefined): string {
  if (!p) return "someone";
  return p.name?.trim() || p.id;
}
