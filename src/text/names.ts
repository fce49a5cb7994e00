/**
 * System names in titles, written the other ways people type them. "PaperBanana", "DreamActor-M2",
 * "Kimi K2.5", "Drive-JEPA", "Llama 3.1" are typed in chat as "paper banana", "dreamactor",
 * "k25", "drivejepa", "llama3.1": a name's parts split at case changes and digits, and its pieces
 * joined, are extra words of the title, so either way of writing it meets the other. Only names
 * get these forms: a token with a case change inside ("MemOCR", "RLAnything"), letters and
 * digits together ("YOLO26", "NVFP4"), or hyphened parts one of which is an acronym or carries a
 * digit ("SEA-Guard", "RE-TRAC"); "Long-Horizon" and "Real-Time" are words, not names.
 */

/** Characters that join the parts of one name: "Drive-JEPA", "K2.5", "scRNA_seq", "A/B". */
const SEPARATOR = /[-\u2010\u2011._/+'\u2019]+/u;
/** Leading and trailing punctuation of a whitespace token ("(RTL)", "CLS:", "Kimi,"). */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/**
 * Pieces of one part: an acronym before a capitalized word ("OCR" of "OCRBench"), a capitalized
 * or lowercase word, an acronym, a number with a one-letter unit ("3D", "7B"), a number.
 */
const PIECE =
  /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+(?:\p{Lu}(?![\p{L}]))?|\p{N}+/gu;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;
/** A version after a name: "3.1", "2.0", "v2", "1.5". */
const VERSION = /^v?\p{N}+(?:\.\p{N}+)*$/iu;

/** A part's pieces; a lone capital after a lowercase piece stays with it ("ViT", not "Vi" + "T"). */
function piecesOf(part: string): string[] {
  const out: string[] = [];
  for (const m of part.matchAll(PIECE)) {
    const piece = m[0];
    const prev = out[out.length - 1];
    if (piece.length === 1 && UPPER.test(piece) && prev !== undefined && /\p{Ll}$/u.test(prev))
      out[out.length - 1] = prev + piece;
    else out.push(piece);
  }
  return out;
}

/** A plural acronym ("LLMs", "CNNs"): a word, not a name with pieces. */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

/**
 * Whether a piece is worth a word of its own: 3+ characters, an acronym as written ("RL", "MM"),
 * or a number. Two lowercase letters ("Lo" + "RA", "Co" + "PE") are spelling, not words.
 */
function meaningful(piece: string): boolean {
  return piece.length >= 3 || DIGIT.test(piece) || (piece.length >= 2 && piece === piece.toUpperCase());
}

/** Whether a part reads as part of a name: an acronym (2+ capitals) or letters with digits. */
function nameLike(part: string): boolean {
  const rest = part.slice(1);
  return (UPPER.test(rest) && LETTER.test(part)) || (DIGIT.test(part) && LETTER.test(part));
}

export interface TitleName {
  /** The name as written, without edge punctuation. */
  written: string;
  /** All its letters and digits run together, lowercased: "dreamactorm2". */
  joined: string;
  /** Its pieces, lowercased: "dream", "actor", "m", "2". */
  pieces: string[];
}

/** A title's lead before ": " of at most this many words is its system's name ("Golden Goose: …"). */
const LEAD_WORDS = 3;

/**
 * The names of a title (see the module comment), in order; first, the title's lead when it is a
 * short name before a colon ("THINKSAFE: …", "Kimi K2.5: …", "Golden Goose: …").
 */
export function titleNames(title: string): TitleName[] {
  const out: TitleName[] = [];
  const colon = title.indexOf(": ");
  const lead = colon > 0 ? title.slice(0, colon).trim().split(/\s+/) : [];
  if (lead.length >= 1 && lead.length <= LEAD_WORDS) {
    const written = lead.join(" ");
    const joined = written.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
    if (joined) out.push({ written, joined, pieces: [] });
  }
  const tokens = title.split(/\s+/).map((t) => t.replace(EDGES, ""));
  tokens.forEach((token, i) => {
    if (!token) return;
    const parts = token.split(SEPARATOR).filter(Boolean);
    const letters = token.match(/\p{L}/gu)?.length ?? 0;
    // "0.9B", "7B", "3D": a quantity, not a name.
    const quantity = /^\p{N}/u.test(token) && letters <= 1;
    const inner = parts.some((p) => !PLURAL_ACRONYM.test(p) && piecesOf(p).length > 1);
    const hyphenedName = parts.length > 1 && parts.some(nameLike);
    if (!quantity && (inner || hyphenedName)) {
      const pieces = parts.flatMap((p) => (PLURAL_ACRONYM.test(p) ? [p] : piecesOf(p))).filter(meaningful);
      out.push({
        written: token,
        joined: parts.join("").toLowerCase(),
        pieces: pieces.map((p) => p.toLowerCase()),
      });
    }
    // "Llama 3.1", "UniAudio 2.0": the version joined to the name before it ("llama3", "llama31").
    const next = tokens[i + 1];
    const last = parts[parts.length - 1] ?? "";
    if (next && VERSION.test(next) && /^\p{Lu}\p{L}*$/u.test(last)) {
      const version = next.replace(/^v/i, "").split(".");
      const word = last.toLowerCase();
      out.push({
        written: `${token} ${next}`,
        joined: `${word}${version.join("")}`,
        pieces: [`${word}${version[0]}`],
      });
    }
  });
  return out;
}

/**
 * The extra words a title's names bring: each name's joined form and its pieces. Words the title
 * already has are repeated harmlessly (an index counts a title term once for its length).
 */
export function nameForms(title: string): string[] {
  const out = new Set<string>();
  for (const name of titleNames(title)) {
    out.add(name.joined);
    for (const p of name.pieces) out.add(p);
  }
  return [...out];
}
