import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import type { Sentence, Word } from "../nlp.js";
import {
  isFamily,
  isNamedPart,
  isSpecific,
  isVague,
  nounPhrases,
  typeOfPhrase,
} from "../phrases.js";

/** Longer phrases keep their last words: "the proposed chest X-ray multiclass segmentation" → 4 words. */
const MAX_WORDS = 4;

/** "for", "task of", "tasks such as": a task phrase after these is meant as one. */
function introducedAsTask(words: readonly Word[], from: number): boolean {
  const previous = words[from - 1]?.lower;
  const before = words[from - 2]?.lower;
  return (
    previous === "for" ||
    (previous === "of" && before !== undefined && /^(task|problem)s?$/.test(before)) ||
    previous === "as"
  );
}

/**
 * Rule: a noun phrase whose head is a task or method noun names one; with adjectives alone before
 * the head it is weak, kept only when the corpus or the paper confirms it. Fires on "we tackle the problem of point-based interactive
 * segmentation" (task) and "we develop a memory-based feature propagation module" (method).
 */
export function headPhraseCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  const words = sentence.words;
  for (const [phraseFrom, to] of nounPhrases(sentence)) {
    const from = Math.max(phraseFrom, to - MAX_WORDS);
    if (
      to - from < 2 ||
      isVague(words, from, to) ||
      isFamily(words, to) ||
      isNamedPart(words, from, to)
    )
      continue;
    const head = words[to - 1] as Word;
    const text = field.text.slice((words[from] as Word).start, head.end);
    const type = typeOfPhrase(text, head.norm);
    if (type !== "task" && type !== "method") continue;
    // Adjectives alone ("linear models") are weak evidence; a noun or a name before the head is not.
    const specific = words.slice(from, to - 1).some(isSpecific);
    const weak = !specific && !(type === "task" && introducedAsTask(words, phraseFrom));
    const role = type === "method" ? "used" : undefined;
    candidates.push(
      spanCandidate(field, sentence, from, to, { type, rule: `head-noun:${type}`, weak, role }),
    );
  }
  return candidates;
}
