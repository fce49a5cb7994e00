/** The Hugging Face source: the API's answer for a day, saved as `<saveTo>/<date>.hf-api.json`. */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ErrorCode, FetchError } from "../errors.js";
import type { HfClient } from "./hf-client.js";
import type { DigestSource, FetchedDay } from "./source.js";

export class HfApiSource implements DigestSource {
  readonly description: string;

  constructor(
    private readonly client: HfClient,
    private readonly saveTo: string,
    baseUrl: string,
  ) {
    this.description = `hf-api ${baseUrl}`;
  }

  async fetchDay(date: string, signal?: AbortSignal): Promise<FetchedDay> {
    const answer = await this.client.day(date, signal);
    const path = join(this.saveTo, `${date}.hf-api.json`);
    try {
      mkdirSync(this.saveTo, { recursive: true });
      // Write then rename, so a crash never leaves half a digest where the next run looks.
      const partial = `${path}.partial`;
      writeFileSync(partial, answer.text);
      renameSync(partial, path);
    } catch (err) {
      throw new FetchError(
        ErrorCode.Fetch,
        `cannot save the fetched digest (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); make the folder writable or set source.saveTo in the config`,
        { file: path },
      );
    }
    return { date, path };
  }
}
