/**
 * Names seen in training, counted for the tagger's names-seen features (phrase-table.ts) inside
 * each fold: a fold's table counts its training papers only, and a training paper reads the table
 * without its own counts, as a paper the tagger has never seen reads the shipped one.
 */
import { entityKey, singularWords } from "../src/extract/keys.js";
import type { GoldName } from "../src/extract/model/align.js";
import type { SentenceFeatures } from "../src/extract/model/features.js";
import {
  type CountedSpan,
  MIN_PAPERS,
  PHRASE_TYPES,
  phraseMatches,
  phraseValues,
} from "../src/extract/model/phrase-table.js";
import type { StoredModel } from "../src/extract/model/tagger.js";

/** What one paper gives the counts: the names it writes, and as what it marks each (a bit a type). */
export interface PaperNames {
  written: Int32Array;
  marked: Int32Array;
}

/** Every gold name of the training files, by id. */
export class NamesSeen {
  private readonly ids = new Map<string, number>();
  private readonly prefixes = new Set<string>();
  /** Each name's singular words joined by spaces, as the shipped table keeps them. */
  readonly names: string[] = [];

  /** Registers a gold form (every file's, before any paper is read). */
  add(form: string): void {
    const words = singularWords(form);
    const key = words.join("");
    if (key === "" || this.ids.has(key)) return;
    this.ids.set(key, this.names.length);
    this.names.push(words.join(" "));
    for (let k = 1; k < words.length; k++) this.prefixes.add(words.slice(0, k).join(""));
  }

  /** Where gold names are written in a sentence: (from, to, id) triples. */
  matchesIn(s: SentenceFeatures): Int32Array {
    const matches = phraseMatches(
      s.sentence.words,
      s.breaks,
      (key) => this.ids.has(key),
      (key) => this.prefixes.has(key),
    );
    return Int32Array.from(
      matches.flatMap(({ from, to, key }) => [from, to, this.ids.get(key) as number]),
    );
  }

  /** The names a paper writes (its sentences' matches) and the types its gold marks each as. */
  paperNames(matches: readonly Int32Array[], gold: readonly GoldName[]): PaperNames {
    const written = new Set<number>();
    for (const triples of matches)
      for (let i = 2; i < triples.length; i += 3) written.add(triples[i] as number);
    const marks = new Map<number, number>();
    for (const { type, forms } of gold)
      for (const form of forms) {
        const id = this.ids.get(entityKey(form));
        if (id === undefined || !written.has(id)) continue;
        marks.set(id, (marks.get(id) ?? 0) | (1 << PHRASE_TYPES.indexOf(type)));
      }
    const ids = [...written].sort((a, b) => a - b);
    return {
      written: Int32Array.from(ids),
      marked: Int32Array.from(ids, (id) => marks.get(id) ?? 0),
    };
  }

  /** Four counts a name over these papers: papers writing it, marking it a method, dataset, task. */
  counts(papers: Iterable<PaperNames>): Int32Array {
    const counts = new Int32Array(this.names.length * 4);
    for (const paper of papers) addPaper(counts, paper, 1);
    return counts;
  }

  /** The table a fold's tagger ships: the names its papers mark at least once, with their counts. */
  stored(counts: Int32Array): StoredModel["phrases"] {
    const names: string[] = [];
    const kept: number[] = [];
    this.names.forEach((name, id) => {
      const c = counts.subarray(4 * id, 4 * id + 4);
      if (
        (c[1] as number) + (c[2] as number) + (c[3] as number) === 0 ||
        (c[0] as number) < MIN_PAPERS
      )
        return;
      names.push(name);
      kept.push(...c);
    });
    return { names, counts: kept };
  }

  /**
   * Each word's names-seen values in a sentence of a training paper: the fold's counts without
   * the paper's own (`own`, taken out and put back), names marked by no other paper left out.
   */
  values(
    length: number,
    triples: Int32Array,
    counts: Int32Array,
    own: PaperNames | undefined,
  ): string[][] {
    if (own) addPaper(counts, own, -1);
    const spans: CountedSpan[] = [];
    for (let i = 0; i < triples.length; i += 3) {
      const id = triples[i + 2] as number;
      const c = counts.subarray(4 * id, 4 * id + 4);
      const marked = (c[1] as number) + (c[2] as number) + (c[3] as number) > 0;
      spans.push({
        from: triples[i] as number,
        to: triples[i + 1] as number,
        counts: marked ? Int32Array.from(c) : undefined,
      });
    }
    if (own) addPaper(counts, own, 1);
    return phraseValues(length, spans);
  }
}

function addPaper(counts: Int32Array, { written, marked }: PaperNames, sign: 1 | -1): void {
  written.forEach((id, i) => {
    counts[4 * id] = (counts[4 * id] as number) + sign;
    const bits = marked[i] as number;
    for (let t = 0; t < 3; t++)
      if (bits & (1 << t)) counts[4 * id + 1 + t] = (counts[4 * id + 1 + t] as number) + sign;
  });
}
