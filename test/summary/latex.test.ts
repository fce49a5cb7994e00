import { describe, expect, it } from "vitest";
import { displayText } from "../../src/summary/latex.js";
import { balanceMarks, tidySpacing } from "../../src/summary/spacing.js";
import { titleName } from "../../src/summary/title-name.js";

describe("displayText", () => {
  it.each([
    [
      "We propose {\\bf FastAttn}, a new {\\em sparse} \\emph{attention}.",
      "We propose FastAttn, a new sparse attention.",
    ],
    ["It is 25.8\\times faster, \\ie, cheaper.", "It is 25.8× faster, i.e., cheaper."],
    ["with $\\mathcal{O}(n \\log n)$ cost", "with O(n log n) cost"],
    [
      "see \\href{https://x.org/a_b}{our code} and \\url{https://y.org/c}",
      "see our code and https://y.org/c",
    ],
    ["We call it V^3, A^2D and D^2GAN with p < 10^(-10).", "We call it V³, A²D and D²GAN with p < 10⁻¹⁰."],
    [
      "with ell_1 and \\ell_2 penalties, 36.2 AP_r and x_{max}",
      "with ℓ₁ and ℓ₂ penalties, 36.2 AP_r and xₘₐₓ",
    ],
    ["$\\alpha = 0.5$ and $x^{n+1}$ and $\\frac{1}{2}$ and $\\sqrt{d}$", "α = 0.5 and xⁿ⁺¹ and 1/2 and √d"],
    ["$\\mathbb{R}^n \\to \\mathbb{R}$", "ℝⁿ → ℝ"],
    ["Sch\\\"olkopf and G\\'{e}rard", "Schölkopf and Gérard"],
    ["``quoted'' 20--30 points --- really", "“quoted” 20–30 points — really"],
    ["19.3\\% lower, costs $5 per hour, ~10% of keys", "19.3% lower, costs $5 per hour, ~10% of keys"],
    [
      "as shown by Smith et al.~\\cite{smith2020}, on an RTX~5090.",
      "as shown by Smith et al., on an RTX 5090.",
    ],
    [
      "an improved rate $\\widetilde{O}(1/\\epsilon)$~\\footnote{Here $\\widetilde{O}$ hides logs.}.",
      "an improved rate Õ(1/ε).",
    ],
    ["We reach 4.5times speedup and sim10% error", "We reach 4.5× speedup and ~10% error"],
  ])("shows %j as %j", (source, shown) => {
    expect(displayText(source)).toBe(shown);
  });

  it("drops the link text an eaten \\href left glued to its URL, and shows the URL once", () => {
    expect(
      displayText(
        "The tool is at https://huggingface.co/spaces/uw-math-ai/theorem-search{this link}, and the data at https://x.org/d{https://x.org/d}.",
      ),
    ).toBe(
      "The tool is at https://huggingface.co/spaces/uw-math-ai/theorem-search, and the data at https://x.org/d.",
    );
    // A braced group that does not touch a URL is still shown.
    expect(displayText("see https://x.org/d {our code}")).toBe("see https://x.org/d our code");
  });

  it("joins a decimal point a converter spaced ('77. 7%') and leaves a sentence-ending number alone", () => {
    expect(displayText("SpaRTAN achieves 77. 7% accuracy and is 2. 5x faster.")).toBe(
      "SpaRTAN achieves 77.7% accuracy and is 2.5x faster.",
    );
    expect(displayText("We use 3. 2 of them are new. Version 1.2. 3% drop.")).toBe(
      "We use 3. 2 of them are new. Version 1.2. 3% drop.",
    );
  });

  it("shows a paper's own name macro as the name its title announces", () => {
    const title = "DASH: Faster Shampoo via Batched Block Preconditioning";
    expect(
      displayText("by proposing \\method (for Distributed Accelerated SHampoo ), a faster", { title }),
    ).toBe("by proposing DASH (for Distributed Accelerated SHampoo), a faster");
    // Without a name in the title, the macro's own name is the best there is.
    expect(displayText("we use \\simhash to hash")).toBe("we use simhash to hash");
  });

  it("leaves URLs, identifiers and plain text alone", () => {
    const plain = "Code: https://github.com/a_b/c_d^2 and max_len in www.x.com/y_z, 3-D, COVID-19, Sim2Real.";
    expect(displayText(plain)).toBe(plain);
  });

  it("never throws and stays bounded on malformed LaTeX", () => {
    for (const bad of [
      "{{{{",
      "}}}}",
      "$$$",
      "\\",
      "\\frac",
      "^_^",
      "\\begin{",
      "a $x^{",
      "~".repeat(1000),
    ]) {
      expect(() => displayText(bad)).not.toThrow();
      expect(displayText(bad).length).toBeLessThanOrEqual(bad.length + 10);
    }
  });
});

describe("tidySpacing", () => {
  it.each([
    [
      "the learning rate s of SimpleNorm -based models , and",
      "the learning rates of SimpleNorm-based models, and",
    ],
    [
      "text-to- image and sub- quadratic but pre- and post-training",
      "text-to-image and sub-quadratic but pre- and post-training",
    ],
    [
      "YOLOE -26 and MT- GRPO with hyperparameter search es",
      "YOLOE-26 and MT-GRPO with hyperparameter searches",
    ],
    ["modules: 1) token selection and 2) merging", "modules: (1) token selection and (2) merging"],
    ["overheads. % To address this", "overheads. To address this"],
    ['an ```````"ADaptive Fingerprint" model', "an “ADaptive Fingerprint” model"],
  ])("tidies %j", (source, shown) => {
    expect(tidySpacing(source)).toBe(shown);
  });

  it("drops a bracket or quote a sentence leaves unmatched", () => {
    expect(balanceMarks("This work introduces “Subset Scanning methods to the task.")).toBe(
      "This work introduces Subset Scanning methods to the task.",
    );
    expect(balanceMarks("3.0% for T5) are nonzero (on average.")).toBe("3.0% for T5 are nonzero on average.");
    expect(balanceMarks("A (b) “c” [d].")).toBe("A (b) “c” [d].");
  });
});

describe("titleName", () => {
  it.each([
    ["DASH: Faster Shampoo via Batched Block Preconditioning", "DASH"],
    ["Reformer: The Efficient Transformer", "Reformer"],
    ["Quartet II: Accurate LLM Pre-Training in NVFP4", "Quartet II"],
    ["Closing the Loop: Universal Repository Representation with RPG-Encoder", "RPG-Encoder"],
    ["Position: Agentic Evolution is the Path to Evolving LLMs", null],
    ["Adaptive Loss Scaling for Mixed Precision Training", null],
    ["Learning to Plan with LLMs and RL", null],
  ])("names %j as %j", (title, name) => {
    expect(titleName(title)).toBe(name);
  });
});
