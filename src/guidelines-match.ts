/**
 * The matching rules of the gold guidelines ("Counting"): after lower-casing, removing
 * punctuation and hyphens and reducing plurals to singular, two names match when they are equal,
 * or when one contains the other as whole words and they share their head noun. The scorer
 * (eval) and training's alignment of gold names to the text (extract/model) both read them, so
 * neither stage imports the other.
 */

/**
 * Singular of an English plural, for the nouns abstracts use: "networks", "priors", "properties",
 * "GNNs". Kept apart from the extractor's own on purpose: the scorer must not move when the
 * extractor's normalisation does.
 */
export function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is|ics)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The words of a name as the scorer compares them. */
export function matchWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-‐‑–—_/]/g, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .split(/\s+/)
    .filter(Boolean)
    .map(singular);
}

function containsAsWords(outer: string[], inner: string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((word, j) => outer[i + j] === word)) return true;
  }
  return false;
}

/** True when a found name matches a gold name under the guidelines' rules. */
export function namesMatch(found: string, gold: string): boolean {
  const a = matchWords(found);
  const b = matchWords(gold);
  if (a.length === 0 || b.length === 0) return false;
  // "Removing hyphens" joins what a hyphen split: "self-supervised" equals "selfsupervised".
  if (a.join("") === b.join("")) return true;
  if (a.at(-1) !== b.at(-1)) return false;
  return containsAsWords(a, b) || containsAsWords(b, a);
}

/**
 * The largest one-to-one matching between found and gold items, given which pairs match
 * (augmenting paths; the lists per paper and type are short). Returns, per gold item, the index
 * of the found item matched to it, or -1.
 */
export function maximumMatching(
  foundCount: number,
  goldCount: number,
  matches: (f: number, g: number) => boolean,
): number[] {
  const goldOwner = new Array<number>(goldCount).fill(-1);
  const tryAssign = (f: number, seen: boolean[]): boolean => {
    for (let g = 0; g < goldCount; g++) {
      if (seen[g] || !matches(f, g)) continue;
      seen[g] = true;
      if (goldOwner[g] === -1 || tryAssign(goldOwner[g] as number, seen)) {
        goldOwner[g] = f;
        return true;
      }
    }
    return false;
  };
  for (let f = 0; f < foundCount; f++) tryAssign(f, new Array<boolean>(goldCount).fill(false));
  return goldOwner;
}
