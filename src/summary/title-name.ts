/**
 * The name of the system a title announces: "DASH: Faster Shampoo via …" → "DASH", "Closing the
 * Loop: Universal Repository Representation with RPG-Encoder" → "RPG-Encoder". Used to show a
 * paper's own name for its `\method` macro and by the TL;DR scorer ("this sentence names the
 * system"). Null when the title names none: a plain descriptive title has no coined name.
 */

// Heads that introduce a paper kind, not a system ("Position: …", "Survey: …").
const NOT_NAMES = new Set(
  [
    "position",
    "survey",
    "review",
    "overview",
    "tutorial",
    "perspective",
    "perspectives",
    "commentary",
    "editorial",
    "beyond",
    "towards",
    "toward",
    "rethinking",
    "revisiting",
    "introduction",
    "abstract",
    "report",
    "technical report",
    "case study",
    "benchmark",
    "dataset",
    "preprint",
    "note",
    "erratum",
    "correction",
  ].map((s) => s.toLowerCase()),
);

// Acronyms of fields and model families that many titles share: never a paper's own name.
const GENERIC = new Set(
  "AI ML NLP CV RL LLM LLMS VLM VLMS MLLM MLLMS VLA LM LMS GAN GANS VAE VAES CNN CNNS RNN RNNS LSTM GNN GNNS MLP MLPS GPU GPUS TPU CPU SGD ADAM DNN DNNS NN NNS API APIS QA VQA OCR ASR TTS MT NMT KV RAG MOE SSM SSMS BERT GPT IID OOD SOTA AGI XAI IOT AR 2D 3D 4D RGB RGBD SFT RLHF DPO PPO GRPO CoT COT ICL".split(
    " ",
  ),
);

/** A word someone coined: mixed case inside (PixelGen, daVinci), letters with digits (SHE2), or capitals (DASH). */
function isCoined(token: string): boolean {
  const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (bare.length < 2 || GENERIC.has(bare.toUpperCase().replace(/-/g, ""))) return false;
  if (/\p{Ll}\p{Lu}/u.test(bare)) return true;
  if (/\p{L}/u.test(bare) && /\p{N}/u.test(bare) && !/^\d+[DdKkMmBb]?$/.test(bare)) return true;
  const letters = bare.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return true;
  // "RPG-Encoder": a coined part in a hyphenated word.
  const parts = bare.split("-");
  return parts.length > 1 && parts.some((p) => p.length >= 2 && isCoined(p));
}

/** The head of "Head: rest" (also "Head - rest", "Head — rest"); null when there is none. */
function head(title: string): string | null {
  const m = /^(.{2,60}?)\s*(?::|\s[-–—]\s)\s*\S/.exec(title.trim());
  return m ? (m[1] as string).trim() : null;
}

export function titleName(title: string): string | null {
  const t = title.replace(/\s+/g, " ").trim();
  if (!t) return null;
  const h = head(t);
  if (h && !NOT_NAMES.has(h.toLowerCase())) {
    const words = h.split(" ");
    // "Reformer: The Efficient Transformer": a one-word head is the name; a longer head is one
    // only when it holds a coined word ("Quartet II", "PaddleOCR-VL-1.5").
    if (words.length === 1 && /\p{L}/u.test(h) && h.length <= 30) return h;
    if (words.length <= 4 && words.some(isCoined)) return h;
  }
  // Else a single coined word anywhere in the title ("… with RPG-Encoder").
  const coined = [...new Set(t.split(" ").filter(isCoined))].map((w) =>
    w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""),
  );
  return coined.length === 1 ? (coined[0] as string) : null;
}
