import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { LEXICON_BY_KEY } from "../lexicon.js";
import type { Sentence } from "../nlp.js";

/** "BoostDream", "HybridGNet", "EfficientNet", "ResNeSt": capitals inside a word mark a coined name. */
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/** "CelebA-HQ", "ImageNet-LT": a variant of a known dataset is a dataset. */
function variesDataset(name: string): boolean {
  const stem = name.split("-")[0] ?? name;
  return stem !== name && LEXICON_BY_KEY.get(entityKey(stem))?.type === "dataset";
}

/**
 * Rule: a coined CamelCase name is a method, or a dataset when it varies a known one (the dataset
 * rules claim the others that are datasets). Fires on "compared with EfficientNet, our HybridGNet ..."
 * and "on CelebA-HQ".
 */
export function coinedNameCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  sentence.words.forEach((word, index) => {
    if (!CAMEL_CASE.test(word.text)) return;
    const props = variesDataset(word.text)
      ? ({ type: "dataset", rule: "coined-name" } as const)
      : ({ type: "method", rule: "coined-name", role: "used" } as const);
    candidates.push(spanCandidate(field, sentence, index, index + 1, props));
  });
  return candidates;
}
