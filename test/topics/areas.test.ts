import { describe, expect, it } from "vitest";
import { AreaCatalog, type FamilySpec, researchAreas } from "../../src/topics/areas.js";
import { RESEARCH_AREAS } from "../../src/topics/research-areas.js";
import { topicText } from "../../src/topics/text.js";
import { labelProblems } from "./label-rules.js";

const area = (title: string, abstract = "", summary: string | null = null) => {
  const catalog = researchAreas();
  const m = catalog.match(topicText(title, abstract, summary));
  return m.primary === null ? null : catalog.areas[m.primary]?.id;
};

describe("the research-areas catalogue", () => {
  it("covers machine learning as a whole, each family with its sources", () => {
    const catalog = researchAreas();
    const ids = catalog.areas.map((a) => a.id);
    for (const field of ["3d", "multilingual", "rl-classic", "robot-learning", "speech", "theory", "systems"])
      expect(ids).toContain(field);
    for (const field of [
      "safety",
      "recsys",
      "graphs",
      "biology",
      "medical",
      "time-series",
      "agents",
      "video-gen",
    ])
      expect(ids).toContain(field);
    expect(catalog.families.length).toBeGreaterThanOrEqual(15);
    for (const family of RESEARCH_AREAS) expect(family.source.length, family.id).toBeGreaterThan(20);
  });

  it("labels every area and family as a heading (1–4 words, capitalized, not generic)", () => {
    const labels = RESEARCH_AREAS.flatMap((f) => [f.label, ...f.areas.map((a) => a.label)]);
    for (const label of labels) {
      const rules = labelProblems(label, []).filter(
        (p) => !p.startsWith("covers") && !p.startsWith("a side"),
      );
      expect(rules, label).toEqual([]);
    }
  });

  it("refuses a catalogue with a repeated id, a label that is not a heading, or a phrase that shrinks to one word", () => {
    const family = (areas: FamilySpec["areas"], label = "Test family"): FamilySpec[] => [
      { id: "test", label, pool: true, source: "a source long enough to name", areas },
    ];
    const ok = { id: "a", label: "Sparse attention", phrases: "sparse attention" };
    expect(() => new AreaCatalog(family([ok]))).not.toThrow();
    expect(() => new AreaCatalog(family([ok, { ...ok }]))).toThrow(/the id "a" is used twice/);
    expect(() => new AreaCatalog(family([ok, { ...ok, id: "b" }]))).toThrow(
      /the label "Sparse attention" is used twice/,
    );
    expect(() => new AreaCatalog(family([ok], "Sparse attention"))).toThrow(/is used twice/);
    expect(() => new AreaCatalog(family([{ ...ok, label: "A label of far too many words" }]))).toThrow(
      /1 to 4 words/,
    );
    // "on" is a stopword: "on-policy" would match every "policy".
    expect(() => new AreaCatalog(family([{ ...ok, phrases: "on-policy" }]))).toThrow(
      /"on-policy" of a would match as "polici"/,
    );
  });

  it("matches a hyphened phrase as written and spaced, a letter compound only as written", () => {
    const spec = (phrases: string): FamilySpec[] => [
      {
        id: "test",
        label: "Test family",
        pool: true,
        source: "a source long enough to name",
        areas: [{ id: "a", label: "Test area", phrases }],
      },
    ];
    const score = (catalog: AreaCatalog, title: string) =>
      catalog.match(topicText(title, "", null)).scores[0];
    // The shared analysis keeps "Q-learning" whole ("learn qlearn"): the phrase is no longer "learning".
    const q = new AreaCatalog(spec("Q-learning"));
    expect(score(q, "Offline Q-learning at scale")).toBe(3);
    expect(score(q, "Offline learning at scale")).toBe(0);
    // "needle-in-a-haystack" as a paper writes it, hyphened or not, counts once either way.
    const needle = new AreaCatalog(spec("needle-in-a-haystack"));
    expect(score(needle, "A needle-in-a-haystack test")).toBe(3);
    expect(score(needle, "A needle in a haystack test")).toBe(3);
    expect(
      needle.match(topicText("", "A needle-in-a-haystack test. Another needle-in-a-haystack test.", null))
        .scores[0],
    ).toBe(2);
  });

  it("gives a paper the area its title and abstract name, and none for hints alone", () => {
    expect(area("GUI Agents That Learn From Screenshots", "We train a GUI agent for computer use.")).toBe(
      "gui-agents",
    );
    expect(area("Pixel Diffusion for Text-to-Image Generation")).toBe("image-gen");
    expect(area("Post-Training Quantization of LLMs to 4 Bits", "Low-bit quantization of weights.")).toBe(
      "quantization",
    );
    // "RL for LLMs" needs a language model in the paper: a robot's RL is not about LLMs.
    expect(area("Reinforcement Learning for Dexterous Robot Manipulation", "A robot learns to grasp.")).toBe(
      "robot-learning",
    );
    // The source's summary counts like an abstract sentence: with one mention in the abstract, enough.
    expect(area("Untitled", "We train on speech.", null)).toBeNull();
    expect(area("Untitled", "We train on speech.", "A speech recognition model for spoken queries.")).toBe(
      "speech",
    );
    // Hints alone ("benchmark", "video") say little: no area.
    expect(area("A Benchmark", "We evaluate video.")).toBeNull();
  });

  it("files a sparse autoencoder spelled out under interpretability, not any model named with SAE", () => {
    expect(
      area("Hierarchical Features in Sparse Autoencoders", "Sparse autoencoders (SAEs) recover features."),
    ).toBe("mech-interp");
    // "SAE" also names spherical, stacked and semantic autoencoders: an image autoencoder is no probe.
    expect(
      area(
        "A Spherical Autoencoder for High-Fidelity Reconstruction",
        "We present a spherical autoencoder (SAE). The SAE keeps the features of its representations.",
      ),
    ).not.toBe("mech-interp");
  });
});

describe("the label rules (the checker the topic tests rely on)", () => {
  const papers = (texts: string[]) =>
    texts.map((t, i) => ({ pk: i + 1, id: `p${i}`, title: t, abstract: "" }));
  const video = papers(["Long video generation", "Video generation with sparse attention", "Audio tagging"]);

  it("accepts a label two thirds of the papers bear out", () => {
    expect(labelProblems("Video generation", video)).toEqual([]);
  });

  it("refuses what an editor would not write", () => {
    expect(labelProblems("Golden goose", video)).toContain("covers 0.00 of the papers");
    expect(labelProblems("Models enhance embedding", video)).toContain("reads as a sentence");
    expect(labelProblems("Characterizes attention", video)).toContain("reads as a sentence");
    expect(labelProblems("Pixel diffusion beats latent diffusion", video)).toContain("reads as a sentence");
    expect(labelProblems("Project page", video)).toContain("a link word");
    expect(labelProblems("Large language models", video)).toContain("generic");
    expect(labelProblems("Sparse attention for long video generation", video)).toContain("6 words");
    expect(labelProblems("video generation", video)).toContain("not capitalized");
    expect(labelProblems("Video generation & audio tagging & sparse attention", video)).toContain(
      "more than one &",
    );
    const joined = labelProblems(
      "Video generation & sparse attention",
      papers(["Video generation", "Video generation", "Video generation", "Sparse attention"]),
    );
    expect(joined.some((p) => p.startsWith("a side of & covers under a third"))).toBe(true);
  });
});
