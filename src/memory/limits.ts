/** How much of a team's memory each reply shows; the rest is one command (or an export) away. */

/** Earlier discussions listed on a card. */
export const CARD_DISCUSSIONS = 3;
/** Notes listed on a card (the newest). */
export const CARD_NOTES = 5;
/** Notes per page of `notes`. */
export const NOTES_PAGE = 10;
/** Open papers `queue` lists (oldest first); the rest are counted, and all are in `export queue`. */
export const QUEUE_OPEN_SHOWN = 20;
/** Read papers `queue` lists under what is still open. */
export const QUEUE_DONE_SHOWN = 5;
/** Papers found by a note that `search` puts before its ranked results (first page only). */
export const NOTE_HITS = 3;
/** Papers in one export: a month of digests, far more than a week's 350. */
export const EXPORT_MAX_PAPERS = 3000;
/** Days of an `export week`. */
export const WEEK_DAYS = 7;
