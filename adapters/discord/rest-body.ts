/**
 * A DiscordMessage (what the renderers produce, in discord.js's option names) as Discord's REST API
 * takes it: `allowed_mentions` in snake case (never parsing anyone), files beside the JSON. Used
 * where paperboy calls the REST API itself (interaction follow-ups over HTTP, threads).
 */
import type { RawFile } from "discord.js";
import type { DiscordMessage } from "./message.js";

export interface RestMessage {
  body: Record<string, unknown>;
  files?: RawFile[];
}

export function restMessage(m: DiscordMessage): RestMessage {
  const body: Record<string, unknown> = {
    embeds: m.embeds,
    components: m.components,
    allowed_mentions: {
      parse: [],
      ...(m.allowedMentions.users?.length ? { users: m.allowedMentions.users } : {}),
    },
  };
  if (m.content !== undefined) body.content = m.content;
  if (!m.files?.length) return { body };
  return { body, files: m.files.map((f) => ({ name: f.name, data: f.attachment })) };
}
