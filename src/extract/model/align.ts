/**
 * Gold annotations name entities, not places: training finds where each name stands in the text
 * and labels those words, so the tagger learns from every mention of an annotated entity.
 */
import { matchWords } from "../../guidelines-match.js";
import type { EntityType } from "../../types.js";
import type { SentenceFeatures } from "./features.js";
import { LABELS } from "./perceptron.js";
import { keySpans } from "./phrase-table.js";

export interface GoldName {
  type: Exclude<EntityType, "invariance">;
  /** The name and its aliases. */
  forms: readonly string[];
}

/** How a word or a name reads for matching: the scorer's words run together ("self-supervised" = "selfsupervised"). */
const matchKey = (text: string) => matchWords(text).join("");

/** The longest gold name this tagger is asked to find, in words. */
const MAX_WORDS = 16;

/**
 * BIO label indices for each sentence: every place a gold name or alias is written, longest first,
 * where no longer one already stands.
 */
export function goldLabels(
  sentences: readonly SentenceFeatures[],
  gold: readonly GoldName[],
): number[][] {
  const byKey = new Map<string, GoldName["type"]>();
  for (const entity of gold)
    for (const form of entity.forms) {
      const key = matchKey(form);
      if (key !== "" && !byKey.has(key)) byKey.set(key, entity.type);
    }
  return sentences.map(({ sentence, breaks }) => {
    const keys = sentence.words.map((w) => matchKey(w.text));
    const matches = keySpans(
      keys,
      breaks,
      (key) => byKey.has(key),
      () => true,
      MAX_WORDS,
    ).map(({ from, to, key }) => ({ from, to, type: byKey.get(key) as GoldName["type"] }));
    matches.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
    const labels = new Array<number>(keys.length).fill(0);
    for (const { from, to, type } of matches) {
      if (labels.slice(from, to).some((l) => l !== 0)) continue;
      for (let k = from; k < to; k++)
        labels[k] = LABELS.indexOf(`${k === from ? "B" : "I"}-${type}` as (typeof LABELS)[number]);
    }
    return labels;
  });
}
