/**
 * Untrusted text cut to `max` characters (whole code points, runs of white space made one space),
 * ending in "…" when cut. Renderers clip before they escape, so an escape is never cut in half.
 */
export function clip(text: string, max: number): string {
  const points = Array.from(text.replace(/\s+/g, " ").trim());
  return points.length <= max
    ? points.join("")
    : `${points
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
