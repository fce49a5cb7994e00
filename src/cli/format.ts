/** Plain-text helpers for human CLI output. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function wrap(text: string, width = 100, indent = ""): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

/**
 * A list printed after a blank line, under its heading when it has one ("Key results:",
 * "Findings:"), one "- item" per entry wrapped at 100; no lines at all when the list is empty.
 */
export function bulletBlock(heading: string | null, items: readonly string[]): string[] {
  if (!items.length) return [];
  return ["", ...(heading ? [heading] : []), ...items.map((r) => wrap(`- ${r}`, 100, ""))];
}
