import type { EntityType } from "../types.js";
import { entityKey } from "./keys.js";
import {
  DATASET_HEADS,
  FLUFF,
  GENERIC_HEADS,
  LEXICON_BY_KEY,
  METHOD_HEADS,
  NOT_ENTITY_HEADS,
  STOP_PHRASES,
  SYSTEM_HEADS,
  TASK_HEADS,
} from "./lexicon.js";
import type { Sentence, Word } from "./nlp.js";

const BREAKING_TAGS = [
  "Determiner",
  "Pronoun",
  "Preposition",
  "Conjunction",
  "Verb",
  "Adverb",
  "QuestionWord",
  "Modal",
  "Copula",
];
const NOMINAL_TAGS = ["Noun", "Adjective", "Acronym", "ProperNoun", "Value", "Gerund"];
const CLAUSE_PUNCTUATION = /[,.;:!?()"[\]]/;

/** A word that can stand inside a noun phrase: a noun, adjective, acronym, number or compound. */
export function isNominal(word: Word): boolean {
  if (word.tags.has("Noun") || word.tags.has("Acronym")) return true;
  if (BREAKING_TAGS.some((t) => word.tags.has(t)) && !word.tags.has("Adjective"))
    return word.text.includes("-");
  return (
    NOMINAL_TAGS.some((t) => word.tags.has(t)) || /\d/.test(word.text) || word.text.includes("-")
  );
}

/** A word that can end a noun phrase (its head). */
export function isHeadWord(word: Word): boolean {
  if (word.tags.has("Noun") || word.tags.has("Acronym") || /\d/.test(word.text)) return true;
  return TASK_HEADS.has(word.norm) || METHOD_HEADS.has(word.norm) || DATASET_HEADS.has(word.norm);
}

/**
 * The noun phrases of a sentence as [from, to) word ranges, fluff trimmed from the front:
 * "we propose a novel memory-based feature propagation module." → "memory-based feature propagation module".
 */
export function nounPhrases(sentence: Sentence): [number, number][] {
  const phrases: [number, number][] = [];
  const words = sentence.words;
  let i = 0;
  while (i < words.length) {
    if (!isNominal(words[i] as Word)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < words.length &&
      isNominal(words[j] as Word) &&
      !breaksBetween(words[j - 1] as Word, words[j] as Word)
    )
      j++;
    const trimmed = trimPhrase(words, i, j);
    if (trimmed) phrases.push(trimmed);
    i = j;
  }
  return phrases;
}

function breaksBetween(previous: Word, next: Word): boolean {
  return CLAUSE_PUNCTUATION.test(previous.after) || CLAUSE_PUNCTUATION.test(next.before);
}

/** Drops fluff from the front and non-head words from the back; undefined when nothing is left. */
export function trimPhrase(
  words: readonly Word[],
  from: number,
  to: number,
): [number, number] | undefined {
  let start = from;
  let end = to;
  while (start < end && FLUFF.has((words[start] as Word).lower)) start++;
  while (end > start && !isHeadWord(words[end - 1] as Word)) end--;
  return end > start ? [start, end] : undefined;
}

/** A modifier that makes a generic head specific: a noun, a name, a compound or a number ("projection layer"). */
export function isSpecific(word: Word): boolean {
  return (
    word.tags.has("Noun") ||
    word.tags.has("Acronym") ||
    /[A-Z\d]/.test(word.text) ||
    word.text.includes("-")
  );
}

/**
 * True for a stop phrase, or a generic head ("framework", "model", "layers") with nothing specific
 * before it: "a novel framework", "linear models", "deep networks".
 */
export function isVague(words: readonly Word[], from: number, to: number): boolean {
  const text = words
    .slice(from, to)
    .map((w) => w.text)
    .join(" ");
  if (STOP_PHRASES.has(entityKey(text))) return true;
  const head = words[to - 1] as Word;
  if (!GENERIC_HEADS.has(head.norm)) return false;
  const modifiers = words.slice(from, to - 1).filter((w) => !FLUFF.has(w.lower));
  // "video inpainting methods", "regression model": a model for a task, not a named method.
  const last = modifiers.at(-1);
  if (
    last &&
    SYSTEM_HEADS.has(head.norm) &&
    TASK_HEADS.has(last.norm) &&
    !METHOD_HEADS.has(last.norm)
  )
    return true;
  // "learning strategy", "training algorithms", "layer units": generic all the way.
  if (modifiers.every((w) => GENERIC_HEADS.has(w.norm))) return true;
  return !modifiers.some(isSpecific);
}

/** "existing methods", "flow-based approaches": a plural generic head speaks of a family of prior work. */
export function isFamily(words: readonly Word[], to: number): boolean {
  const head = words[to - 1] as Word;
  return (
    GENERIC_HEADS.has(head.norm) &&
    head.lower !== head.norm &&
    !LEXICON_BY_KEY.has(entityKey(head.text))
  );
}

/**
 * The type a phrase names, from the lexicon or else from its head noun:
 * "weighted triplet loss" → method, "video inpainting" → task, "Sloan Digital Sky Survey dataset" → dataset.
 */
export function typeOfPhrase(
  text: string,
  headNorm: string,
): Exclude<EntityType, "invariance"> | undefined {
  const known = LEXICON_BY_KEY.get(entityKey(text));
  if (known) return known.type;
  if (STOP_PHRASES.has(entityKey(text)) || NOT_ENTITY_HEADS.has(headNorm)) return undefined;
  if (DATASET_HEADS.has(headNorm)) return "dataset";
  if (TASK_HEADS.has(headNorm)) return "task";
  if (METHOD_HEADS.has(headNorm)) return "method";
  return undefined;
}

/** "ColorMNet", "SE(3)-Transformer", "BoostDream": a word that reads as a name rather than a noun. */
export function isNameLike(word: Word): boolean {
  const text = word.text;
  return /[A-Z]/.test(text.slice(1)) || (/\d/.test(text) && /[A-Za-z]/.test(text));
}

/** "ViT-B/16 backbone", "ResNet-50 encoder": a name with a generic head names the name, found on its own. */
export function isNamedPart(words: readonly Word[], from: number, to: number): boolean {
  const head = words[to - 1] as Word;
  const modifiers = words.slice(from, to - 1).filter((w) => !FLUFF.has(w.lower));
  return GENERIC_HEADS.has(head.norm) && modifiers.length > 0 && modifiers.every(isNameLike);
}
