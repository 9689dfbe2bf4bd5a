import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { LEXICON_BY_KEY, LEXICON_MAX_WORDS } from "../lexicon.js";
import type { Sentence } from "../nlp.js";

/**
 * Short or capitalised single-word forms ("GP", "Adam", "COCO") only count when written that way,
 * so the words "adam" or "coco" in running text, or "em" in "EM algorithm", do not fire.
 */
function caseAllows(form: string, surface: string): boolean {
  if (/\s|-/.test(form) || !/[A-Z]/.test(form) || form.length > 6) return true;
  return surface.replace(/s$/, "") === form.replace(/s$/, "");
}

function formOf(key: string): string | undefined {
  const entry = LEXICON_BY_KEY.get(key);
  return entry && [entry.name, ...entry.aliases].find((form) => entityKey(form) === key);
}

/**
 * Rule: known methods, datasets and tasks, longest form first.
 * Fires on "We evaluate on CIFAR-10 and ModelNet40 with graph neural networks."
 */
export function lexiconCandidates(field: Field, sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = [];
  const words = sentence.words;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let length = Math.min(LEXICON_MAX_WORDS, words.length - i); length > 0; length--) {
      const span = words.slice(i, i + length);
      const surface = span.map((w) => w.text).join(" ");
      const key = entityKey(surface);
      const entry = LEXICON_BY_KEY.get(key);
      const form = formOf(key);
      if (!entry || form === undefined || !caseAllows(form, surface)) continue;
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
