/**
 * Every error paperboy raises on purpose. Each has a stable `code` that scripts and tests can
 * match on, a message that says what went wrong, where, and how to fix it, and the offending
 * location when there is one. The CLI maps these to exit status 1; the bot maps them to a Notice.
 * Anything that is not a PaperboyError is a bug.
 */

export const ErrorCode = {
  // digests
  DigestEmpty: "E_DIGEST_EMPTY",
  DigestNotADigest: "E_DIGEST_NOT_A_DIGEST",
  DigestEncoding: "E_DIGEST_ENCODING",
  DigestTruncated: "E_DIGEST_TRUNCATED",
  DigestInvalidJson: "E_DIGEST_INVALID_JSON",
  DigestNoDate: "E_DIGEST_NO_DATE",
  DigestUnreadable: "E_DIGEST_UNREADABLE",
  // archive
  UnknownPaper: "E_UNKNOWN_PAPER",
  UnknownDay: "E_UNKNOWN_DAY",
  Database: "E_DATABASE",
  DatabaseReadOnly: "E_DATABASE_READONLY",
  DatabaseFull: "E_DATABASE_FULL",
  SchemaTooNew: "E_SCHEMA_TOO_NEW",
  // input and usage
  InvalidArgument: "E_INVALID_ARGUMENT",
  Usage: "E_USAGE",
  NotAvailable: "E_NOT_AVAILABLE",
  QueryInvalid: "E_QUERY_INVALID",
  // team memory (notes, the reading queue)
  UnknownNote: "E_UNKNOWN_NOTE",
  NotAllowed: "E_NOT_ALLOWED",
  NotQueued: "E_NOT_QUEUED",
  QueueTaken: "E_QUEUE_TAKEN",
  TooLong: "E_TOO_LONG",
  // saved-search alerts
  UnknownWatch: "E_UNKNOWN_WATCH",
  TooManyWatches: "E_TOO_MANY_WATCHES",
  // config and operations
  ConfigInvalid: "E_CONFIG_INVALID",
  ConfigUnreadable: "E_CONFIG_UNREADABLE",
  Fetch: "E_FETCH",
  NotPublishedYet: "E_NOT_PUBLISHED_YET",
  RateLimited: "E_RATE_LIMITED",
  ThreadUnknown: "E_THREAD_UNKNOWN",
  Backup: "E_BACKUP",
  Platform: "E_PLATFORM",
  /** Heavy work (a large day's topics) failed in its worker: out of memory or time. */
  WorkerFailed: "E_WORKER_FAILED",
  // shipped learned models
  WeightsInvalid: "E_WEIGHTS_INVALID",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where an error happened: a file and line, a JSON entry, a config key. All optional. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  entry?: number;
  field?: string;
  key?: string;
}

export class PaperboyError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  /** Exit status the CLI uses: 1 for user errors, 2 for usage errors. */
  readonly exitCode: 1 | 2;
  /**
   * The message for chat users when the fix is worded differently there (the CLI's `list --date`
   * is `day <date>` in chat); `message` otherwise. See `forChat`.
   */
  readonly chatMessage: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    location: ErrorLocation = {},
    options?: { cause?: unknown; chatMessage?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.location = location;
    this.exitCode = code === ErrorCode.Usage || code === ErrorCode.NotAvailable ? 2 : 1;
    this.chatMessage = options?.chatMessage;
  }

  /** What a chat user is told: the chat wording of the fix when there is one. */
  forChat(): string {
    return this.chatMessage ?? this.message;
  }

  /** "file:line: message" when a file is known, else the message. */
  describe(): string {
    const { file, line } = this.location;
    if (file && line) return `${file}:${line}: ${this.message}`;
    if (file) return `${file}: ${this.message}`;
    return this.message;
  }
}

export class DigestError extends PaperboyError {}
export class ArchiveError extends PaperboyError {}
export class UsageError extends PaperboyError {
  constructor(message: string) {
    super(ErrorCode.Usage, message);
  }
}
export class NotAvailableError extends PaperboyError {
  constructor(command: string) {
    super(ErrorCode.NotAvailable, `"${command}" is not available yet in this version of paperboy`);
  }
}
export class UnknownPaperError extends PaperboyError {
  constructor(id: string) {
    const what = `no paper with id "${id}" in the archive`;
    super(
      ErrorCode.UnknownPaper,
      `${what}; find ids with \`paperboy search <words>\` or \`paperboy list --date YYYY-MM-DD\``,
      {},
      { chatMessage: `${what}; find ids with \`search <words>\`, \`today\` or \`day YYYY-MM-DD\`` },
    );
  }
}
export class InvalidArgumentError extends PaperboyError {
  constructor(message: string, location: ErrorLocation = {}) {
    super(ErrorCode.InvalidArgument, message, location);
  }
}
export class ConfigError extends PaperboyError {}
export class FetchError extends PaperboyError {}

export function isPaperboyError(err: unknown): err is PaperboyError {
  return err instanceof PaperboyError;
}
