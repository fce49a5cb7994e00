/** The one fetch outcome that is not a failure: the day exists but has no papers yet. */
import { ErrorCode, FetchError } from "../errors.js";

export class NotPublishedYetError extends FetchError {
  readonly date: string;
  constructor(date: string, where: string) {
    super(
      ErrorCode.NotPublishedYet,
      `the digest of ${date} is not published yet at ${where}; try again later today (the scheduler retries on its own)`,
    );
    this.date = date;
  }
}

export function isNotPublishedYet(err: unknown): err is NotPublishedYetError {
  return err instanceof NotPublishedYetError;
}
