import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import type { Sentence } from "../nlp.js";

/** "BoostDream", "HybridGNet", "EfficientNet", "ResNeSt": capitals inside a word mark a coined name. */
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/**
 * Rule: a coined CamelCase name is a method (the dataset rules claim those that are datasets).
 * Fires on "compared with EfficientNet, our HybridGNet ...".
 */
export function coinedNameCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  sentence.words.forEach((word, index) => {
    if (!CAMEL_CASE.test(word.text)) return;
    candidates.push(
      spanCandidate(field, sentence, index, index + 1, {
        type: "method",
        rule: "coined-name",
        role: "used",
      }),
    );
  });
  return candidates;
}
