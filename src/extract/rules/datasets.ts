import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { DATASET_HEADS, LEXICON_BY_KEY, STOP_PHRASES } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { isNameLike } from "../phrases.js";

const EVALUATION_CUE =
  /\b(experiment|evaluat|benchmark|dataset|outperform|achiev|result|test|validat|state-of-the-art|accuracy|perform)/i;
const LIST_OPENERS = new Set([
  "on",
  "across",
  "over",
  "including",
  "include",
  "includes",
  "like",
  "as",
  "from",
  "namely",
  "both",
]);
const LIST_JOINERS = new Set(["and", "or", "as", "well"]);

/** A word that can be part of a dataset name: "PRW", "CUHK-SYSU", "ModelNet40", "V1", "2007". */
function isNamePart(word: Word): boolean {
  // "16.9%uparrow" (LaTeX debris after a figure) and "3.5x" are no names.
  if (/[%$\\]|^\d+[.,]\d/.test(word.text)) return false;
  return isNameLike(word) || /^[A-Z]{2,}s?$/.test(word.text) || /^\d{2,4}$/.test(word.text);
}

/** A known method or task ("GAN"), or a stop phrase ("RGB", "SOTA"), is no dataset. */
function isKnownNonDataset(text: string): boolean {
  const known = LEXICON_BY_KEY.get(entityKey(text));
  return (known !== undefined && known.type !== "dataset") || STOP_PHRASES.has(entityKey(text));
}

/** "CIFAR-10/100" names two datasets, CIFAR-10 and CIFAR-100; any other name stands for itself. */
export function numberedVariants(name: string): string[] {
  const variants = /^(.*?)(\d+)((?:\/\d+)+)$/.exec(name);
  if (!variants) return [name];
  const [, stem, first, rest] = variants as unknown as [string, string, string, string];
  return [first, ...rest.split("/").filter(Boolean)].map((n) => `${stem}${n}`);
}

/**
 * Rule: names listed where a paper says what it evaluates on are datasets.
 * Fires on "Extensive experiments on PRW and CUHK-SYSU show ..." and
 * "(>4AP increase on MS-COCO2017 dataset)".
 */
export function datasetListCandidates(field: Field, sentence: Sentence): Candidate[] {
  if (!EVALUATION_CUE.test(sentence.text)) return [];
  const words = sentence.words;
  const candidates: Candidate[] = [];
  let inList = false;
  let i = 0;
  while (i < words.length) {
    const word = words[i] as Word;
    if (!isNamePart(word) || /^\d+$/.test(word.text)) {
      if (LIST_OPENERS.has(word.lower)) inList = true;
      else if (!LIST_JOINERS.has(word.lower) && word.lower !== "the") inList = false;
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < words.length &&
      isNamePart(words[j] as Word) &&
      !/[,;()]/.test((words[j - 1] as Word).after)
    )
      j++;
    const next = words[j];
    const followedByHead = next !== undefined && DATASET_HEADS.has(next.norm);
    const text = field.text.slice(word.start, (words[j - 1] as Word).end);
    if ((inList || followedByHead) && !isKnownNonDataset(text)) {
      const found = spanCandidate(field, sentence, i, j, { type: "dataset", rule: "dataset-list" });
      candidates.push(...numberedVariants(text).map((name) => ({ ...found, text: name })));
    }
    i = j;
  }
  return candidates;
}

/**
 * Rule: capitalised words before "dataset" or "benchmark" name one.
 * Fires on "using the Sloan Digital Sky Survey dataset".
 */
export function namedDatasetCandidates(field: Field, sentence: Sentence): Candidate[] {
  const words = sentence.words;
  const candidates: Candidate[] = [];
  words.forEach((word, index) => {
    if (!DATASET_HEADS.has(word.norm)) return;
    let from = index;
    while (from > 0 && /^[A-Z]/.test((words[from - 1] as Word).text) && index - from < 5) from--;
    if (from === index || from === 0) return;
    const text = field.text.slice((words[from] as Word).start, (words[index - 1] as Word).end);
    if (text.split(" ").length < 2 && !words.slice(from, index).some(isNamePart)) return;
    if (isKnownNonDataset(text)) return;
    candidates.push(
      spanCandidate(field, sentence, from, index, { type: "dataset", rule: "named-dataset" }),
    );
  });
  return candidates;
}
