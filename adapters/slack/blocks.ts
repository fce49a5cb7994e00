/**
 * The Block Kit subset paperboy produces, as types and small builders that apply the limits, so a
 * renderer cannot build a block Slack would refuse.
 */
import { chunk, cut, link, mrkdwn, plain } from "./escape.js";
import {
  MAX_BUTTON_LABEL,
  MAX_BUTTON_URL,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_HEADER_TEXT,
  MAX_OPTION_TEXT,
  MAX_OPTION_VALUE,
  MAX_OVERFLOW_OPTIONS,
  MAX_SECTION_TEXT,
  MAX_SELECT_OPTIONS,
  MAX_SELECT_PLACEHOLDER,
} from "./limits.js";

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface MrkdwnText {
  type: "mrkdwn";
  text: string;
  verbatim?: boolean;
}
export interface Button {
  type: "button";
  action_id: string;
  text: PlainText;
  value?: string;
  url?: string;
  style?: "primary" | "danger";
}
export interface Overflow {
  type: "overflow";
  action_id: string;
  options: { text: PlainText; value: string }[];
}
/** A menu of core commands (one paper each); the chosen option's value is the command it runs. */
export interface StaticSelect {
  type: "static_select";
  action_id: string;
  placeholder: PlainText;
  options: { text: PlainText; value: string }[];
}
export type Block =
  | { type: "header"; text: PlainText; block_id?: string }
  | { type: "section"; text: MrkdwnText; accessory?: Button | Overflow }
  | { type: "context"; elements: MrkdwnText[] }
  | { type: "actions"; elements: (Button | StaticSelect)[] }
  | { type: "divider" };

/** One chat message: blocks plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** The fields of a message as Slack's calls take them: `blocks` only when there are some. */
export function messageFields(msg: SlackMessage): { text: string; blocks?: SlackMessage["blocks"] } {
  return msg.blocks.length ? { text: msg.text, blocks: msg.blocks } : { text: msg.text };
}

/** Action ids: every paperboy button starts with this, so one handler catches them all. */
export const ACTION_PREFIX = "pb_";
/**
 * The block id of a paper card's header: `pb_paper:<id>`. A reaction event names only the message,
 * so the adapter reads the message back and finds the paper it shows by this id.
 */
export const PAPER_BLOCK_PREFIX = "pb_paper:";
/** Slack's limit on a block id. */
export const MAX_BLOCK_ID = 255;

/** The papers a message shows, by its blocks' ids (see PAPER_BLOCK_PREFIX). */
export function papersInBlocks(blocks: readonly { block_id?: string }[] | undefined): string[] {
  return (blocks ?? [])
    .map((b) => b.block_id)
    .filter((id): id is string => typeof id === "string" && id.startsWith(PAPER_BLOCK_PREFIX))
    .map((id) => id.slice(PAPER_BLOCK_PREFIX.length));
}

export function header(text: string, blockId?: string): Block {
  const block: Block = {
    type: "header",
    text: { type: "plain_text", text: plain(text, MAX_HEADER_TEXT), emoji: false },
  };
  return blockId && blockId.length <= MAX_BLOCK_ID ? { ...block, block_id: blockId } : block;
}

/** Sections for already-escaped mrkdwn, split at line breaks to stay under the section limit. */
export function sections(safeText: string): Block[] {
  // verbatim: Slack must not auto-link channel names or @words in digest text.
  return chunk(safeText, MAX_SECTION_TEXT).map((t) => ({
    type: "section" as const,
    text: { type: "mrkdwn" as const, text: t, verbatim: true },
  }));
}

export function section(safeText: string, accessory?: Button | Overflow): Block {
  const block: Block = {
    type: "section",
    text: { type: "mrkdwn", text: cut(safeText, MAX_SECTION_TEXT), verbatim: true },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

export function context(safeTexts: string[]): Block {
  return {
    type: "context",
    elements: safeTexts
      .filter(Boolean)
      .slice(0, MAX_CONTEXT_ELEMENTS)
      .map((t) => ({ type: "mrkdwn" as const, text: cut(t, MAX_SECTION_TEXT), verbatim: true })),
  };
}

/** A button that runs a core command when pressed; null when the command cannot be carried whole. */
export function commandButton(
  actionId: string,
  label: string,
  command: string,
  style?: "primary",
): Button | null {
  // A cut command would run something else than the label promises.
  if (command.length > MAX_BUTTON_VALUE) return null;
  const button: Button = {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: plain(label, MAX_BUTTON_LABEL), emoji: false },
    value: command,
  };
  if (style) button.style = style;
  return button;
}

/** A button that opens a link; null when the url is over Slack's limit or not http(s). */
export function linkButton(actionId: string, label: string, url: string): Button | null {
  if (url.length > MAX_BUTTON_URL || !/^https?:\/\//i.test(url)) return null;
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: plain(label, MAX_BUTTON_LABEL), emoji: false },
    url,
  };
}

/** An overflow menu of core commands (options over the value limit are left out). */
export function overflow(actionId: string, items: { label: string; command: string }[]): Overflow | null {
  const options = items
    .filter((i) => i.command.length <= MAX_OPTION_VALUE)
    .slice(0, MAX_OVERFLOW_OPTIONS)
    .map((i) => ({
      text: { type: "plain_text" as const, text: plain(i.label, MAX_OPTION_TEXT) },
      value: i.command,
    }));
  // Slack requires at least two options in an overflow menu.
  return options.length >= 2 ? { type: "overflow", action_id: actionId, options } : null;
}

/** A select menu of core commands; null when no option can be carried whole. */
export function commandSelect(
  actionId: string,
  placeholder: string,
  items: { label: string; command: string }[],
): StaticSelect | null {
  const options = items
    .filter((i) => i.command.length <= MAX_OPTION_VALUE)
    .slice(0, MAX_SELECT_OPTIONS)
    .map((i) => ({
      text: { type: "plain_text" as const, text: plain(i.label, MAX_OPTION_TEXT) },
      value: i.command,
    }));
  if (options.length === 0) return null;
  return {
    type: "static_select",
    action_id: actionId,
    placeholder: { type: "plain_text", text: plain(placeholder, MAX_SELECT_PLACEHOLDER) },
    options,
  };
}

/** Text for a mrkdwn field, escaped and cut: the one way digest or user text enters a block. */
export function safe(text: string, max = MAX_SECTION_TEXT): string {
  return mrkdwn(text, max);
}

export { link };
