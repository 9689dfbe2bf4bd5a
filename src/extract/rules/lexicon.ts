import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { LEXICON_BY_KEY, LEXICON_FORM_BY_KEY, LEXICON_MAX_WORDS } from "../lexicon.js";
import type { Sentence } from "../nlp.js";

/**
 * Short or capitalised single-word forms ("GP", "Adam", "COCO") only count when written that way,
 * so the words "adam" or "coco" in running text, or "em" in "EM algorithm", do not fire.
 */
function caseAllows(form: string, surface: string): boolean {
  if (/\s|-/.test(form) || !/[A-Z]/.test(form) || form.length > 6) return true;
  return surface.replace(/s$/, "") === form.replace(/s$/, "");
}

/** The keys of the spans starting at word `from`, one word long to LEXICON_MAX_WORDS long. */
function spanKeysFrom(keys: readonly string[], from: number): string[] {
  const spans: string[] = [];
  let key = "";
  for (let i = from; i < Math.min(keys.length, from + LEXICON_MAX_WORDS); i++) {
    key += keys[i];
    spans.push(key);
  }
  return spans;
}

/**
 * Rule: known methods, datasets and tasks, longest form first.
 * Fires on "We evaluate on CIFAR-10 and ModelNet40 with graph neural networks."
 */
export function lexiconCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  const words = sentence.words;
  // A span's key is its words' keys run together, so each word is keyed once, not once per span.
  const keys = words.map((w) => entityKey(w.text));
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    const spanKeys = spanKeysFrom(keys, i);
    for (let length = spanKeys.length; length > 0; length--) {
      const key = spanKeys[length - 1] as string;
      const entry = LEXICON_BY_KEY.get(key);
      if (!entry) continue;
      const surface = words
        .slice(i, i + length)
        .map((w) => w.text)
        .join(" ");
      if (!caseAllows(LEXICON_FORM_BY_KEY.get(key) as string, surface)) continue;
      const role = entry.type === "method" ? "used" : undefined;
      candidates.push(
        spanCandidate(field, sentence, i, i + length, {
          type: entry.type,
          rule: `lexicon:${entry.type}`,
          role,
        }),
      );
      matched = length;
      break;
    }
    i += Math.max(matched, 1);
  }
  return candidates;
}
