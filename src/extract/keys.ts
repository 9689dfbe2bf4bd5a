/**
 * Keys under which spellings of one entity meet: case, accents, hyphens, spaces and plurals ignored,
 * so "Graph Neural Networks" and "graph-neural network" share a key.
 */
import { GREEK_NAMES } from "../greek.js";
import plurals from "./lexicons/plurals.json" with { type: "json" };

/** Words the suffix rules below get wrong, with their singulars ("biases" is "bias"). */
const IRREGULAR_SINGULARS: ReadonlyMap<string, string> = new Map(Object.entries(plurals.singulars));
/**
 * Those of four letters or more also end words written as one ("LogitLens", "TimeSeries"), which
 * must meet the name written apart ("Logit Lens").
 */
const IRREGULAR_ENDING = new RegExp(
  `(${[...IRREGULAR_SINGULARS.keys()].filter((word) => word.length >= 4).join("|")})$`,
);

/**
 * Singular of a lower-cased English plural: "networks", "priors", "properties", "losses", "gnns",
 * "matrices". "-ics" stays: "robotics" and "dynamics" name other things than "robotic", "dynamic".
 */
export function singular(word: string): string {
  const irregular = IRREGULAR_SINGULARS.get(word);
  if (irregular !== undefined) return irregular;
  const ending = IRREGULAR_ENDING.exec(word)?.[1];
  if (ending !== undefined)
    return word.slice(0, -ending.length) + (IRREGULAR_SINGULARS.get(ending) as string);
  if (word.length <= 3 || /(ss|us|is|ics|ous)$/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(sses|ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;

// A star that ends a name's word is read: V* (a benchmark) is not V, nor "V* Bench" VBench.
const NAME_STAR = /(?<=[\p{L}\p{N}])\*(?![\p{L}\p{N}])/gu;
const GREEK_LETTER = /[\u03b1-\u03c9]/g;
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu;

/** A possessive is no word of a name: "Bird's Eye View" is the Bird-Eye-View others write. */
export function withoutPossessives(text: string): string {
  return text.includes("'") || text.includes("’") ? text.replace(POSSESSIVE, "") : text;
}

/**
 * Lower-cased, accent-free words of a phrase, split at spaces, hyphens, slashes and punctuation;
 * a Greek letter is spelled out ("PixArt-α" is "PixArt-alpha"), a name's star read ("V*" is
 * "V-star") and a possessive dropped ("Alzheimer's Disease" is "Alzheimer Disease").
 */
export function phraseWords(text: string): string[] {
  const read = withoutPossessives(text.includes("*") ? text.replace(NAME_STAR, " star") : text);
  // Most phrases are ASCII: no accents to strip, and a cheaper split than the Unicode one.
  if (ASCII.test(read))
    return read
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  return read
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(GREEK_LETTER, (letter) => GREEK_NAMES.get(letter) ?? letter)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a phrase with each reduced to its singular. */
export function singularWords(text: string): string[] {
  return phraseWords(text).map(singular);
}

/**
 * Keys already computed. Every rule asks for the keys of the same words and phrases, so this pays
 * for itself many times over; it is emptied when full, so memory stays bounded on any corpus.
 */
const KEY_MEMO = new Map<string, string>();
const KEY_MEMO_SIZE = 50_000;

/** The key of an entity name: its singular words run together ("CIFAR-10" and "cifar10" meet). */
export function entityKey(text: string): string {
  let key = KEY_MEMO.get(text);
  if (key === undefined) {
    key = singularWords(text).join("");
    if (KEY_MEMO.size >= KEY_MEMO_SIZE) KEY_MEMO.clear();
    KEY_MEMO.set(text, key);
  }
  return key;
}

/** A readable slug for ids: "E(n) equivariant GNNs" → "e-n-equivariant-gnn". */
export function slug(text: string): string {
  return singularWords(text).join("-");
}
