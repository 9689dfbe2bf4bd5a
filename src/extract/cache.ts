import { createHash } from "node:crypto";
import type { Paper } from "../types.js";
import type { Candidate } from "./candidate.js";
import datasets from "./lexicons/datasets.json" with { type: "json" };
import heads from "./lexicons/heads.json" with { type: "json" };
import invariances from "./lexicons/invariances.json" with { type: "json" };
import methods from "./lexicons/methods.json" with { type: "json" };
import modifiers from "./lexicons/modifiers.json" with { type: "json" };
import notEntities from "./lexicons/not-entities.json" with { type: "json" };
import plurals from "./lexicons/plurals.json" with { type: "json" };
import stopPhrases from "./lexicons/stop-phrases.json" with { type: "json" };
import tasks from "./lexicons/tasks.json" with { type: "json" };
import { CLUSTER_CONTENT } from "./model/clusters.js";
import { GAZETTEER_CONTENT } from "./model/gazetteer.js";
import { INVARIANCE_MODEL_HASH } from "./model/invariance.js";
import { POS_HASH } from "./model/pos.js";
import { TAGGER_HASH } from "./model/tagger.js";
import type { AnalyzedPaper } from "./paper.js";

/** Bump whenever a rule changes what is extracted: cached analyses of older rules are then ignored. */
export const EXTRACTOR_VERSION = "15";

/**
 * Identifies the extractor that produced an analysis: its version, its vocabularies, the word
 * clusters and its models' weights (part-of-speech tagger, entity tagger, invariance classifier),
 * so an edited lexicon or a retrained model invalidates the cache as surely as a changed rule.
 * The words only the corpus pass reads (`lexicons/manner.json`) are not part of it: every build
 * runs that pass anew, and an edit of them must not renew a million papers' analyses.
 */
export function extractorFingerprint(modelHashes: string): string {
  return createHash("sha1")
    .update(EXTRACTOR_VERSION)
    .update(
      JSON.stringify([
        datasets,
        heads,
        invariances,
        methods,
        modifiers,
        notEntities,
        plurals,
        stopPhrases,
        tasks,
      ]),
    )
    .update(JSON.stringify([GAZETTEER_CONTENT, CLUSTER_CONTENT]))
    .update(modelHashes)
    .digest("hex")
    .slice(0, 12);
}

export const EXTRACTOR_FINGERPRINT = extractorFingerprint(
  POS_HASH + TAGGER_HASH + INVARIANCE_MODEL_HASH,
);

/**
 * A sentence as the cache keeps it: [start, end) in its field, since it is the paper's own text
 * (the text itself only if it were not). Copies of sentences made up three quarters of the cache.
 */
type StoredSentence = [start: number, end: number] | string;
type Stored<T extends { sentence: string }> = Omit<T, "sentence"> & { sentence: StoredSentence };

/** What the cache keeps of a paper's analysis. */
export interface CachedAnalysis {
  candidates: Stored<Candidate>[];
}

/** Where analyses are kept between builds (an embedded database at the edge of the program). */
export interface AnalysisCache {
  get(keys: readonly string[]): Map<string, CachedAnalysis>;
  /** Which of these keys it holds an analysis of, none of them read. */
  held(keys: readonly string[]): Set<string>;
  put(entries: readonly (readonly [string, CachedAnalysis])[]): void;
}

function storedSentence<T extends Candidate>(paper: Paper, item: T): Stored<T> {
  const start = paper[item.field].indexOf(item.sentence);
  return { ...item, sentence: start < 0 ? item.sentence : [start, start + item.sentence.length] };
}

/**
 * Types, fields and rule names, one string each: an analysis parsed from the store or copied from
 * a worker thread brings a fresh copy of every one, and at 10,000 papers 90,000 copies of "method"
 * and as many of "model:method" were a tenth of the heap the graph stage began with. The words
 * are few (the rules' and lexicons' names), so this never grows with the corpus.
 */
const WORDS = new Map<string, string>();

function shared<S extends string>(word: S): S {
  const known = WORDS.get(word);
  if (known !== undefined) return known as S;
  WORDS.set(word, word);
  return word;
}

/**
 * The item with its sentence text back and its words shared, in place: cached analyses are
 * parsed fresh and owned here.
 */
function restoredSentence<T extends Candidate>(paper: Paper, item: Stored<T>): T {
  const { sentence } = item;
  if (typeof sentence !== "string") item.sentence = paper[item.field].slice(...sentence);
  item.type = shared(item.type);
  item.field = shared(item.field);
  item.rule = shared(item.rule);
  return item as unknown as T;
}

export function toCached({ paper, candidates }: AnalyzedPaper): CachedAnalysis {
  return { candidates: candidates.map((c) => storedSentence(paper, c)) };
}

export function fromCached(paper: Paper, cached: CachedAnalysis): AnalyzedPaper {
  return {
    paper,
    candidates: cached.candidates.map((c) => restoredSentence<Candidate>(paper, c)),
  };
}

/** The cache key of a paper: its title and abstract under this extractor. */
export function analysisKey(paper: Paper): string {
  return createHash("sha1")
    .update(EXTRACTOR_FINGERPRINT)
    .update(paper.title)
    .update("\n")
    .update(paper.abstract)
    .digest("hex");
}
