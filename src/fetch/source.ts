/**
 * Where the day's digest comes from: Hugging Face's API or a local folder. A source hands back a
 * file to ingest (so every digest paperboy stored is also kept as the file it came from), or
 * throws NotPublishedYetError when the day is not there yet.
 */

export interface FetchedDay {
  date: string;
  /** The digest file to ingest. */
  path: string;
}

export interface DigestSource {
  /** "hf-api http://…/" or "folder /path", for logs and messages. */
  readonly description: string;
  fetchDay(date: string, signal?: AbortSignal): Promise<FetchedDay>;
  /** Calls `onChange` when new digests may have arrived (folder watching); returns a stop function. */
  watch?(onChange: () => void): () => void;
}
