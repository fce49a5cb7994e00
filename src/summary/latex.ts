/**
 * LaTeX clean-up for display, on top of the archive's `readableLatex`: math delimiters, citations
 * and leftover commands make a TL;DR unreadable in a chat message.
 */
import { readableLatex } from "../digest/normalize.js";

const GREEK: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  theta: "θ",
  lambda: "λ",
  mu: "μ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  omega: "ω",
  ell: "ℓ",
  infty: "∞",
  cdot: "·",
  pm: "±",
  rightarrow: "→",
  to: "→",
  sim: "~",
  approx: "≈",
  uparrow: "↑",
  downarrow: "↓",
  times: "×",
};

/** Readable text from an abstract that may hold LaTeX. */
export function displayText(text: string): string {
  return (
    readableLatex(text)
      .replace(/~?\\(?:cite[tp]?|ref|eqref|label|footnote)\{[^{}]*\}/g, "")
      .replace(/\\([A-Za-z]+)\s*\{([^{}]*)\}/g, "$2")
      .replace(/\\([A-Za-z]+)/g, (_m, name: string) => GREEK[name] ?? name)
      .replace(/\$+/g, "")
      // Markdown emphasis that some digests carry: "**H**ierarchical".
      .replace(/\*\*|__/g, "")
      .replace(/[{}]/g, "")
      .replace(/\\([,;!: ])/g, " ")
      // "4.5times": a \times whose backslash an upstream converter ate.
      .replace(/(\d)times\b/g, "$1×")
      .replace(/\bsim(?=\d)/g, "~")
      .replace(/(?<=[\d%])(up|down)arrow\b/g, (_m, dir: string) => (dir === "up" ? "↑" : "↓"))
      .replace(/\s+([,.;:])(?=\s|$)/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}
