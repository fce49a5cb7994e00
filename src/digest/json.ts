import { DigestError, ErrorCode } from "../errors.js";

/** JSON.parse with an error that names the line and column, as an editor would show them. */
export function parseJsonOrThrow(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      line = before.split("\n").length;
      column = offset - before.lastIndexOf("\n");
    } else if (/end of JSON input|Unterminated/i.test(message)) {
      line = text.split("\n").length;
    }
    throw new DigestError(
      ErrorCode.DigestInvalidJson,
      `not valid JSON${column ? ` (column ${column})` : ""}: ${message.replace(/^.*?: /, "")}; the answer was cut off or is not JSON, fetch it again`,
      { file, line },
    );
  }
}
