import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/ask/answer.js";
import { declinePhrase } from "../../src/ask/decline-phrase.js";
import { NOT_STATED, notStatedFor } from "../../src/ask/not-stated.js";
import { readQuestion } from "../../src/ask/question.js";
import { words } from "../../src/ask/words.js";

/** The phrase naming `missing` (words of the question, by surface) for question `text`. */
function named(text: string, missing: string): string {
  const q = readQuestion(text);
  const wanted = new Set(words(missing).map((w) => w.lower));
  return declinePhrase(
    q,
    q.words.filter((w) => wanted.has(w.lower)),
  );
}

const PAPER = {
  title: "Sparse adapters for speech recognition",
  abstract:
    "We propose sparse adapters for speech recognition. They cut the word error rate by 12% on three public corpora while training 3% of the weights.",
  links: [],
  code: [],
};

describe("a decline names what is missing as a reader would", () => {
  it("names the noun phrase that holds a missing word, not the word alone", () => {
    expect(named("which bakery chains did they survey?", "chains")).toBe("bakery chains");
    expect(named("how many TPU days did the sweep need?", "TPU")).toBe("TPU days");
  });

  it("never names a verb, an adverb or a hedge", () => {
    expect(named("so the robot quietly repaints its walls?", "quietly repaints walls")).toBe("walls");
    expect(named("so it basically forgets everything?", "basically forgets")).toBe("");
  });

  it("keeps names and acronyms as written, and lists several groups with 'or'", () => {
    expect(named("does it beat Whisper-v3 on CommonVoice?", "Whisper-v3 CommonVoice")).toBe(
      "Whisper-v3 or CommonVoice",
    );
  });

  it("keeps a number written after a name with it, and drops a count the reader already knows", () => {
    expect(named("does it fit on one Jetson 4090 board?", "Jetson")).toMatch(/^(one )?Jetson 4090 board$/);
    expect(named("which seven corpora exactly?", "corpora")).toBe("corpora");
  });

  it("names the kind of thing a datasets question asks for, not the datasets", () => {
    expect(notStatedFor("datasets", readQuestion("which LLMs did they probe?"))).toBe(
      "The abstract does not name the LLMs.",
    );
    expect(notStatedFor("datasets", readQuestion("which corpora did they use?"))).toBe(NOT_STATED.datasets);
  });

  it("shows a counted head with what it is of", () => {
    expect(named("how many minutes of podcast audio?", "minutes")).toBe("minutes of podcast audio");
  });

  it("reads a verb form before a noun as part of the name", () => {
    expect(named("how many denoising steps per clip?", "denoising steps")).toBe("denoising steps");
  });

  it("does not take the question's last verb for a noun", () => {
    expect(named("how does the pruning scheduler work?", "scheduler work")).toBe("pruning scheduler");
  });

  it("shows no markup or mentions, however the question is written", () => {
    const phrase = named("does it run on <@U123> *TPUs* or <script>alert(1)</script>?", "TPUs alert script");
    expect(phrase).not.toMatch(/[<>@*()]/);
  });

  it("keeps the issue's example and falls back to a plain decline when nothing is nameable", () => {
    expect(answerQuestion(PAPER, "how many GPUs do they use?").text).toBe(
      "The abstract does not mention GPUs.",
    );
    const vague = answerQuestion(PAPER, "so it secretly forgets everything?");
    expect(vague.stated).toBe(false);
    expect(vague.text).not.toMatch(/mention (secretly|forgets)/);
  });
});
