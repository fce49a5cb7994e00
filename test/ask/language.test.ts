/** Telling a question's language: English evidence against another language's stopwords. */
import { describe, expect, it } from "vitest";
import { isCommonEnglishWord, isEnglishWord } from "../../src/ask/english-words.js";
import { languageOf } from "../../src/ask/language.js";
import { loadQuestions, QUESTION_FILES, SET_ASIDE } from "./question-set.js";

describe("the question's language", () => {
  it("reads English questions that hold other languages' stopwords as English", () => {
    for (const q of [
      "so RL doesn't really improve perception?",
      "so was there a war on benchmarks also?",
      "come on, does the man die at the end?",
      "son, what is the main result?",
      "so die models also work?",
      "is it so?",
      "was it also tested on one GPU, man?",
    ])
      expect(languageOf(q), q).toBeNull();
  });

  it("still names another language written in Latin letters", () => {
    expect(languageOf("Welche Datensätze werden in der Arbeit verwendet?")).toBe("German");
    expect(languageOf("was ist die Hauptaussage des Papiers?")).toBe("German");
    expect(languageOf("was die Methode besser?")).toBe("German");
    expect(languageOf("¿Qué proponen los autores en este artículo?")).toBe("Spanish");
    expect(languageOf("quel est le jeu de données utilisé ?")).toBe("French");
    expect(languageOf("wat is de belangrijkste bijdrage van dit artikel?")).toBe("Dutch");
    expect(languageOf("qual é o conjunto de dados usado?")).toBe("Portuguese");
  });

  it("names the language of a short question too, from one stopword when no word is English", () => {
    expect(languageOf("¿proponen algo nuevo?")).toBe("Spanish");
    expect(languageOf("qué proponen?")).toBe("Spanish");
    expect(languageOf("welche Daten?")).toBe("German");
    expect(languageOf("quels résultats ?")).toBe("French");
    // One foreign stopword beside an English word, or a name, is not enough.
    for (const q of ["welche results?", "die results?", "GRPO?", "que?"]) expect(languageOf(q), q).toBeNull();
  });

  it("reads every question of the fitted question sets as English", () => {
    const foreign = QUESTION_FILES.filter((f) => f !== SET_ASIDE)
      .flatMap((f) => loadQuestions(f))
      .map((q) => q.question)
      .filter((q) => languageOf(q) !== null);
    expect(foreign).toEqual([]);
  });

  it("knows everyday English words apart from technical terms", () => {
    for (const w of ["claim", "examples", "fields", "topics", "build", "position"])
      expect(isCommonEnglishWord(w), w).toBe(true);
    for (const w of ["sparsity", "pruning", "transformer", "dataset", "flops"])
      expect(isCommonEnglishWord(w), w).toBe(false);
    expect(isEnglishWord("abacus")).toBe(true);
    expect(isEnglishWord("hauptaussage")).toBe(false);
  });
});
