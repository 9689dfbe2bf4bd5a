import { entityKey } from "../keys.js";
import type { Word } from "../nlp.js";

/**
 * Names seen in training: for every name the annotated papers give (by entity key), how many of
 * them write it and how many of those annotate it as a method, a dataset or a task. The tagger
 * reads the rates as features: "large language model" is marked in nearly every annotated paper
 * that writes it, "deep learning" in few, and no hand-kept vocabulary knows that.
 */
export interface PhraseTable {
  /** Counts by entity key: papers writing the name, then those marking it a method, dataset, task. */
  counts: ReadonlyMap<string, PhraseCounts>;
  /** The keys of every name's first words, so a match stops growing once no name begins so. */
  prefixes: ReadonlySet<string>;
}

/** Four counts: papers writing the name, and those marking it a method, a dataset, a task. */
export type PhraseCounts = ArrayLike<number>;

export const PHRASE_TYPES = ["method", "dataset", "task"] as const;

/** The longest name looked up, in words. */
const MAX_WORDS = 8;

/**
 * The table of these names, each given as its singular words joined by spaces ("large language
 * model"), with their counts.
 */
export function phraseTable(
  entries: Iterable<readonly [words: string, counts: PhraseCounts]>,
): PhraseTable {
  const counts = new Map<string, PhraseCounts>();
  const prefixes = new Set<string>();
  for (const [words, c] of entries) {
    const split = words.split(" ");
    counts.set(split.join(""), c);
    for (let k = 1; k < split.length; k++) prefixes.add(split.slice(0, k).join(""));
  }
  return { counts, prefixes };
}

/** A place a table name is written: words [from, to) of a sentence, and its key. */
export interface PhraseMatch {
  from: number;
  to: number;
  key: string;
}

/**
 * Every place in a sentence, given as its words' keys, where a name of `known` is written, up to
 * `maxWords` words, not running across a break (a bracket, comma or full stop between two words),
 * longest or not; a span stops growing once no name begins so (`isPrefix`). Training's gold
 * labels find gold names the same way (align.ts), with the scorer's keys.
 */
export function keySpans(
  keys: readonly string[],
  breaks: readonly boolean[],
  known: (key: string) => boolean,
  isPrefix: (key: string) => boolean,
  maxWords: number,
): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (let from = 0; from < keys.length; from++) {
    if (keys[from] === "") continue;
    let key = "";
    for (let to = from + 1; to <= Math.min(keys.length, from + maxWords); to++) {
      if (to - 1 > from && breaks[to - 1]) break;
      key += keys[to - 1];
      if (keys[to - 1] !== "" && known(key)) matches.push({ from, to, key });
      else if (!isPrefix(key)) break;
    }
  }
  return matches;
}

/** Every place in a sentence a name of the table (`known`) is written: the tagger weighs overlapping ones. */
export function phraseMatches(
  words: readonly Word[],
  breaks: readonly boolean[],
  known: (key: string) => boolean,
  isPrefix: (key: string) => boolean,
): PhraseMatch[] {
  return keySpans(
    words.map((w) => entityKey(w.text)),
    breaks,
    known,
    isPrefix,
    MAX_WORDS,
  );
}

/** Names fewer papers write say too little for a feature: most are one paper's own coinage. */
export const MIN_PAPERS = 2;

/** A rate as a feature reads it: fifths, so 0.8 and over is one value. */
const rateBucket = (marked: number, papers: number) =>
  Math.min(4, Math.floor((5 * marked) / papers));
/** How many papers the rate stands on: a few (up to 5), some (up to 20), many. */
const supportBucket = (papers: number) => (papers <= 5 ? "few" : papers <= 20 ? "some" : "many");

/** Words [from, to) of a sentence where a name is written, and its counts (undefined: unknown). */
export interface CountedSpan {
  from: number;
  to: number;
  counts: PhraseCounts | undefined;
}

/**
 * The feature values each word of a sentence takes from the names written over it: per type a
 * name is marked as, where the word stands in it, how often it is marked and on how many papers
 * that stands.
 */
export function phraseValues(length: number, spans: readonly CountedSpan[]): string[][] {
  const values: string[][] = Array.from({ length }, () => []);
  for (const { from, to, counts } of spans) {
    const papers = counts?.[0] ?? 0;
    if (counts === undefined || papers < MIN_PAPERS) continue;
    const support = supportBucket(papers);
    PHRASE_TYPES.forEach((type, t) => {
      const marked = counts[t + 1] as number;
      if (marked <= 0) return;
      const rate = rateBucket(marked, papers);
      for (let k = from; k < to; k++) {
        const position = to - from === 1 ? "U" : k === from ? "B" : "I";
        (values[k] as string[]).push(`${type}:${position}:${rate}:${support}`);
      }
    });
  }
  return values;
}

/** Every value phraseValues can give, for training's fixed feature ids. */
export const PHRASE_VALUES: readonly string[] = PHRASE_TYPES.flatMap((type) =>
  ["U", "B", "I"].flatMap((position) =>
    [0, 1, 2, 3, 4].flatMap((rate) =>
      ["few", "some", "many"].map((support) => `${type}:${position}:${rate}:${support}`),
    ),
  ),
);
