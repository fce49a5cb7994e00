/**
 * Discord's hard limits (https://discord.com/developers/docs/resources/message and
 * .../interactions). A payload over any of them is rejected whole with a 400, so the renderer cuts
 * and splits to these numbers instead of hoping.
 */

/** Characters of a message's `content`. */
export const CONTENT_MAX = 2000;
/** Characters of an embed title. */
export const EMBED_TITLE_MAX = 256;
/** Characters of an embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Characters of a field name. */
export const FIELD_NAME_MAX = 256;
/** Characters of a field value. */
export const FIELD_VALUE_MAX = 1024;
/** Characters of an embed footer. */
export const FOOTER_MAX = 2048;
/** Characters across all embeds of one message (titles, descriptions, fields, footers). */
export const EMBEDS_TOTAL_MAX = 6000;
/** Embeds per message. */
export const EMBEDS_PER_MESSAGE = 10;
/** Buttons per action row. */
export const BUTTONS_PER_ROW = 5;
/** Action rows per message. */
export const ROWS_PER_MESSAGE = 5;
/** Characters of a button label. */
export const BUTTON_LABEL_MAX = 80;
/** Options of a string select menu, characters of an option's label and value, of its placeholder. */
export const SELECT_OPTIONS_MAX = 25;
export const SELECT_LABEL_MAX = 100;
export const SELECT_VALUE_MAX = 100;
export const SELECT_PLACEHOLDER_MAX = 150;
/**
 * Bytes of the files of one message. Discord's upload limit without server boosts (10 MiB since
 * 2024, 8 MiB before): the older, lower number, so no server refuses it.
 */
export const ATTACHMENTS_MAX_BYTES = 8 * 1024 * 1024;
/** Characters of a note shown on a card or a list (a field holds 1024; lists share 4096). */
export const NOTE_PREVIEW_MAX = 300;
/** Characters of a component's custom_id. */
export const CUSTOM_ID_MAX = 100;
/** Choices in one autocomplete answer. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** Characters of an autocomplete choice's name and of its value. */
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
/** Characters of a thread name. */
export const THREAD_NAME_MAX = 100;
/** Characters of an application command (or option) description. */
export const COMMAND_DESCRIPTION_MAX = 100;
/** Fixed choices of one option (beyond it an option takes free text). */
export const OPTION_CHOICES_MAX = 25;
/** Subcommands of one application command. */
export const SUBCOMMANDS_MAX = 25;

/** Discord refuses an interaction's first callback after this long (10062 Unknown interaction). */
export const INTERACTION_ACK_MS = 3000;
/**
 * How long we wait for the bot's answer before acknowledging with deferReply(): well inside the
 * 3 s window, leaving room for the gateway and REST round trips.
 */
export const DEFER_AFTER_MS = 1500;
/** An interaction token (edits and follow-ups) stays valid this long. */
export const INTERACTION_TOKEN_LIFE_MS = 15 * 60 * 1000;
/** Characters of a message nonce. */
export const NONCE_MAX = 25;
/** Messages per page when reading a channel's history (Discord's own maximum). */
export const HISTORY_PAGE_SIZE = 100;
/** Pages read at most when looking for earlier parts of a delivery. */
export const MAX_HISTORY_PAGES = 5;
/** Messages one answer to a command may take: the interaction's reply and its follow-ups. */
export const MAX_MESSAGES_PER_REPLY = 5;
/** Messages one roundup may take in a channel; the rest is cut, with a note. */
export const MAX_CHANNEL_POST_MESSAGES = 10;

/**
 * Bytes of an interaction Discord posts to the Interactions Endpoint URL. An interaction carries
 * its resolved users, channels and the message a button sits on: well under this; anything larger
 * is refused with 413 before it is read further.
 */
export const MAX_INTERACTION_BYTES = 1024 * 1024;
/**
 * How far X-Signature-Timestamp may be from our clock, either way. Discord sends at once; a
 * request stamped minutes away is a replay or a clock that needs fixing (Slack's window: 5 min).
 */
export const MAX_INTERACTION_SKEW_MS = 5 * 60 * 1000;
/**
 * How long an interaction id is remembered to refuse its replay: past the skew window, after
 * which a replay fails the timestamp check anyway.
 */
export const INTERACTION_DEDUPE_MS = 2 * MAX_INTERACTION_SKEW_MS;
