/**
 * Slack's Block Kit limits, named once. Slack rejects a whole message (`invalid_blocks`) when one
 * field is over its limit, so every renderer path cuts to these before posting.
 */

/** Blocks in one message; longer replies are split over several messages. */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Characters of a section block's text (and of a context element's text). */
export const MAX_SECTION_TEXT = 3000;
/** Characters of a header block's plain text. */
export const MAX_HEADER_TEXT = 150;
/** Characters of a button's label. */
export const MAX_BUTTON_LABEL = 75;
/** Characters of a button's url; a longer link gets no button. */
export const MAX_BUTTON_URL = 2000;
/** Characters of a button's value (the core command it carries back). */
export const MAX_BUTTON_VALUE = 2000;
/** Characters of an overflow option's label and value. */
export const MAX_OPTION_TEXT = 75;
export const MAX_OPTION_VALUE = 150;
/** Options in a static select menu, and characters of its placeholder. */
export const MAX_SELECT_OPTIONS = 100;
export const MAX_SELECT_PLACEHOLDER = 150;
/** Options in an overflow menu. */
export const MAX_OVERFLOW_OPTIONS = 5;
/** Elements in an actions block. */
export const MAX_ACTION_ELEMENTS = 25;
/** Elements in a context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/**
 * Characters of a message's top-level `text` (the notification fallback). Slack truncates beyond
 * 40 000; a fallback only needs to say what the message is, so it is kept short.
 */
export const MAX_FALLBACK_TEXT = 3000;
/**
 * Characters of a note shown on a card or in a list: a card stays a card (the section limit is
 * 3000); the whole note is in `notes` and `export notes`.
 */
export const NOTE_PREVIEW_CHARS = 500;
export const NOTE_LIST_CHARS = 1500;
/** Bytes of one HTTP request body we read; Slack's own payloads are far smaller. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/**
 * A signed request stamped further than this from now, in the past or the future, is refused:
 * Slack's own rule, so a captured request cannot be replayed later (or "pre-played").
 */
export const MAX_REQUEST_SKEW_MS = 5 * 60 * 1000;
/**
 * How long an event id / trigger id is remembered to drop Slack's retries and replays: longer than
 * the whole window in which a request's timestamp is accepted (five minutes either way).
 */
export const DEDUPE_TTL_MS = 10 * 60 * 1000;
/** How many ids are remembered at most (oldest forgotten first). */
export const DEDUPE_MAX_IDS = 10_000;
/**
 * Web API clients kept per token, in each of the adapter's two sets (its own, and the posting
 * ones): one per workspace in use. OAuth tokens rotate (every 12 hours), so a client per token
 * ever seen would grow without end; the least recently used goes first. A client is ~26 KB of
 * heap and ~0.3 ms to make (measured), so 256 is ~7 MB and a workspace beyond them costs a new
 * client now and then, not one per request.
 */
export const TOKEN_CLIENTS_KEPT = 256;
/** Messages per page when reading a channel's history for earlier parts of a delivery. */
export const HISTORY_PAGE_SIZE = 200;
/** Pages read at most (the last 1,000 messages since the delivery's due time). */
export const MAX_HISTORY_PAGES = 5;
/**
 * Posts to one request's response_url: Slack takes at most five (within 30 minutes); a sixth is
 * refused. Every answer to a slash command or a button fits in these, "Working on it…" included.
 */
export const MAX_RESPONSE_URL_POSTS = 5;
/** Messages one reply may take anywhere (a thread answer, a mention); the rest is cut, with a note. */
export const MAX_MESSAGES_PER_REPLY = 5;
/** Messages one roundup may take in a channel; the rest is cut, with a note. */
export const MAX_CHANNEL_POST_MESSAGES = 10;

/** A response_url takes posts for 30 minutes after the request; an owed answer older is given up. */
export const RESPONSE_URL_LIFE_MS = 30 * 60_000;
/**
 * An owed answer whose replica has not settled it within this is taken over by another replica:
 * longer than any answer takes (Web API calls give up after 10 s and three retries).
 */
export const DEFAULT_OWED_LEASE_MS = 60_000;
