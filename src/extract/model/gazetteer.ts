import { entityKey, singularWords } from "../keys.js";
import pwcDatasets from "../lexicons/pwc/datasets.json" with { type: "json" };
import pwcMethods from "../lexicons/pwc/methods.json" with { type: "json" };
import pwcTasks from "../lexicons/pwc/tasks.json" with { type: "json" };
import type { Word } from "../nlp.js";

/** The field-wide vocabularies the tagger reads as features: Papers with Code's names (CC BY-SA 4.0). */
const VOCABULARIES = { method: pwcMethods, dataset: pwcDatasets, task: pwcTasks } as const;

export type GazetteerType = keyof typeof VOCABULARIES;

/** Where a word stands in a vocabulary match: first word, inside, or the whole match. */
export type MatchPosition = "B" | "I" | "U";

export interface GazetteerHit {
  type: GazetteerType;
  position: MatchPosition;
  /** False when the text's case differs from a short capitalised form ("coco" for "COCO"). */
  exactCase: boolean;
}

interface Entry {
  type: GazetteerType;
  form: string;
}

const MAX_WORDS = 8;

/**
 * Every form by entity key (its singular words run together), each type's first form kept; and
 * the keys of every form's first words, so a span stops growing as soon as no form begins so.
 */
const [INDEX, PREFIXES] = (() => {
  const index = new Map<string, Entry[]>();
  const prefixes = new Set<string>();
  for (const [type, forms] of Object.entries(VOCABULARIES) as [GazetteerType, string[]][]) {
    for (const form of forms) {
      const key = entityKey(form);
      if (key === "") continue;
      const entries = index.get(key) ?? [];
      if (!entries.some((e) => e.type === type)) entries.push({ type, form });
      index.set(key, entries);
      const words = singularWords(form);
      for (let k = 1; k < words.length; k++) prefixes.add(words.slice(0, k).join(""));
    }
  }
  return [index as ReadonlyMap<string, Entry[]>, prefixes as ReadonlySet<string>];
})();

/** Whether Papers with Code names a task by this entity key ("6dposeestimation"). */
export function isKnownTask(key: string): boolean {
  return INDEX.get(key)?.some((entry) => entry.type === "task") ?? false;
}

/** Short or capitalised one-word forms ("COCO", "Adam") are taken as written only. */
function caseMatches(form: string, surface: string): boolean {
  if (/\s|-/.test(form) || !/[A-Z]/.test(form) || form.length > 6) return true;
  return surface.replace(/s$/, "") === form.replace(/s$/, "");
}

/**
 * Vocabulary matches over a sentence's words, longest first from each word: per word, the hits
 * that cover it. Overlapping matches of different lengths are all kept; the tagger weighs them.
 */
export function gazetteerHits(words: readonly Word[]): GazetteerHit[][] {
  const hits: GazetteerHit[][] = words.map(() => []);
  const keys = words.map((w) => entityKey(w.text));
  for (let from = 0; from < words.length; from++) {
    let key = "";
    for (let to = from + 1; to <= Math.min(words.length, from + MAX_WORDS); to++) {
      key += keys[to - 1];
      const entries = INDEX.get(key);
      if (!entries) {
        if (PREFIXES.has(key)) continue;
        break;
      }
      const surface = words
        .slice(from, to)
        .map((w) => w.text)
        .join(" ");
      for (const entry of entries) {
        const exactCase = caseMatches(entry.form, surface);
        for (let k = from; k < to; k++) {
          const position: MatchPosition = to - from === 1 ? "U" : k === from ? "B" : "I";
          (hits[k] as GazetteerHit[]).push({ type: entry.type, position, exactCase });
        }
      }
    }
  }
  return hits;
}

/** The vocabularies' content, for the extractor's fingerprint. */
export const GAZETTEER_CONTENT = VOCABULARIES;
