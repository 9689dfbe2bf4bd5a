import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { LEXICON_BY_KEY } from "../lexicon.js";
import type { Sentence } from "../nlp.js";

/** "BoostDream", "HybridGNet", "EfficientNet", "ResNeSt": capitals inside a word mark a coined name. */
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/** "ViT-B/16", "CelebA-HQ", "GPT-4": a variant of a known model or dataset is one of its own kind. */
function variantType(name: string): "method" | "dataset" | undefined {
  const [stem, ...rest] = name.split("-");
  if (!stem || rest.length === 0 || !/^[A-Za-z0-9./]+$/.test(rest.join("-"))) return undefined;
  const known = LEXICON_BY_KEY.get(entityKey(stem))?.type;
  return known === "method" || known === "dataset" ? known : undefined;
}

/**
 * Rule: a coined CamelCase name is a method, and a variant of a known model or dataset is one of
 * the same kind (the dataset rules claim the other datasets). Fires on "compared with EfficientNet,
 * our HybridGNet ...", "a ViT-B/16 backbone" and "on CelebA-HQ".
 */
export function coinedNameCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  sentence.words.forEach((word, index) => {
    if (LEXICON_BY_KEY.has(entityKey(word.text))) return;
    const type = variantType(word.text) ?? (CAMEL_CASE.test(word.text) ? "method" : undefined);
    if (!type) return;
    const role = type === "method" ? "used" : undefined;
    candidates.push(
      spanCandidate(field, sentence, index, index + 1, { type, rule: "coined-name", role }),
    );
  });
  return candidates;
}
