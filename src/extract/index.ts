/**
 * Extract: papers → mentions of methods, datasets, tasks and invariances, merged over the corpus
 * into canonical entities. Pure: no I/O.
 */
import { createHash } from "node:crypto";
import { PapergraphError } from "../errors.js";
import type { Extraction, Paper } from "../types.js";
import {
  type AnalysisCache,
  analysisKey,
  type CachedAnalysis,
  fromCached,
  toCached,
} from "./cache.js";
import { canonicalize, canonicalizeLater } from "./canonical.js";
import { type AnalyzedPaper, analyzePaper } from "./paper.js";
import { type AnalysesSink, analyzeInWorkers, defaultWorkers } from "./parallel.js";
import { type Shard, shardOf } from "./shard.js";

export {
  type AnalysisCache,
  type CachedAnalysis,
  EXTRACTOR_FINGERPRINT,
  EXTRACTOR_VERSION,
} from "./cache.js";
export { entityKey, phraseWords, singular, slug } from "./keys.js";
export { LEXICON_BY_KEY } from "./lexicon.js";
export { prestartWorkers } from "./parallel.js";
export { parseShard, type Shard, shardOf } from "./shard.js";
export { CLAUSE_OR_POSSESSIVE } from "./tasks.js";

export interface ExtractOptions {
  /** Called after each paper is analysed, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
}

export interface ParallelExtractOptions extends ExtractOptions {
  /** Worker threads; 1 analyses on the calling thread. Defaults to one per core. */
  workers?: number;
}

/** Below this many papers, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

export interface CachedExtraction {
  extraction: Extraction;
  /** Papers analysed now, and papers whose analysis came from the cache. */
  analyzed: number;
  reused: number;
}

/** Analyses being made on worker threads, by cache key (analyzeAhead). */
export type AnalysesAhead = Promise<ReadonlyMap<string, AnalyzedPaper>>;

/**
 * Starts analysing, on worker threads, the papers the cache does not hold, and returns their
 * analyses to come; extractPapersCached takes them rather than analysing the papers again. An add
 * thus analyses its new papers while this thread loads the build's cached analyses. Undefined when
 * the cache holds every paper, or with one worker (no threads wanted).
 */
export function analyzeAhead(
  papers: readonly Paper[],
  cache: AnalysisCache,
  options: ParallelExtractOptions = {},
): AnalysesAhead | undefined {
  const workers = options.workers ?? defaultWorkers();
  const keys = papers.map(analysisKey);
  const cached = cache.get(keys);
  const missing = papers.filter((_, i) => !cached.has(keys[i] as string));
  if (workers <= 1 || missing.length === 0) return undefined;
  const missingKeys = keys.filter((key) => !cached.has(key));
  // A few papers go to one thread, this one being busy meanwhile; many to every core.
  const threads = missing.length < PARALLEL_FROM ? 1 : workers;
  // This thread goes on with long synchronous work: the workers are given every batch at once
  // rather than waiting on this thread for the next.
  const ahead = analyzeInWorkers(missing, threads, {
    inFlight: Number.POSITIVE_INFINITY,
    onAnalyses: storeIn(cache, missingKeys),
  }).then((analyzed) => new Map(analyzed.map((a, i) => [missingKeys[i] as string, a])));
  // Its failure is the awaiting extraction's to report, not an unhandled rejection before then.
  ahead.catch(() => undefined);
  return ahead;
}

export interface CachedExtractOptions extends ParallelExtractOptions {
  /** Analyses already under way (analyzeAhead). */
  ahead?: AnalysesAhead;
  /** Refuse (MissingAnalysesError) rather than analyse a paper the cache does not hold. */
  onlyCached?: boolean;
}

/** Papers a build was told not to extract (`--no-extract`) that no analysis covers. */
export class MissingAnalysesError extends PapergraphError {
  constructor(missing: readonly Paper[]) {
    const first = missing[0] as Paper;
    const source = first.sources[0];
    const where = source ? ` (${source.file}${source.line ? `:${source.line}` : ""})` : "";
    super(
      `${missing.length} of the papers ${missing.length === 1 ? "has" : "have"} no analysis of this extractor, first "${first.title}"${where}; extract them (drop --no-extract) or give the analyses that cover them`,
    );
  }
}

/**
 * Extraction that analyses only the papers the cache does not hold (under this extractor's
 * fingerprint), stores their analyses, then runs the corpus pass over all. Adding 100 papers to
 * 10,000 analyses 100.
 */
export async function extractPapersCached(
  papers: readonly Paper[],
  cache: AnalysisCache,
  options: CachedExtractOptions = {},
): Promise<CachedExtraction> {
  const keys = papers.map(analysisKey);
  const cached = cache.get(keys);
  const known = papers.map((paper, i) => {
    const analysis = cached.get(keys[i] as string);
    return analysis && fromCached(paper, analysis);
  });
  // The corpus pass begins on the cached papers while the others are analysed (analyzeAhead).
  const finish = canonicalizeLater(known);
  const early = (await options.ahead) ?? new Map<string, AnalyzedPaper>();
  const missing = papers.flatMap((paper, i) =>
    known[i] || early.has(keys[i] as string) ? [] : [{ paper, key: keys[i] as string }],
  );
  if (options.onlyCached && missing.length > 0)
    throw new MissingAnalysesError(missing.map(({ paper }) => paper));
  const fresh = new Map(early);
  const analyses = await analyzePapers(
    missing.map(({ paper }) => paper),
    {
      ...options,
      onAnalyses: storeIn(
        cache,
        missing.map(({ key }) => key),
      ),
    },
  );
  missing.forEach(({ key }, i) => {
    fresh.set(key, analyses[i] as AnalyzedPaper);
  });
  // By key, with each paper's own record: two records of one text share an analysis.
  const rest = new Map<number, AnalyzedPaper>();
  papers.forEach((paper, i) => {
    const analysis = known[i] ? undefined : fresh.get(keys[i] as string);
    if (analysis) rest.set(i, { ...analysis, paper });
  });
  return { extraction: finish(rest), analyzed: rest.size, reused: papers.length - rest.size };
}

/**
 * Analyses go into the cache as they come, a batch at a time: a build stopped part-way (killed,
 * out of memory, interrupted) analyses only the rest when run again, where an hour's extraction
 * of a million papers was stored at its end or not at all.
 */
function storeIn(cache: AnalysisCache, keys: readonly string[]): AnalysesSink {
  return (from, analyses) =>
    cache.put(analyses.map((analysis, i) => [keys[from + i] as string, analysis]));
}

/** A paper of a shard with its analysis, as a job array's task hands it to the build. */
export interface ShardAnalysis {
  /** The paper's place in the whole corpus. */
  position: number;
  key: string;
  paper: Paper;
  analysis: CachedAnalysis;
}

/** Papers of a shard analysed at a time: what a shard task holds of analyses before writing them. */
const SHARD_SLICE = 20_000;

/** The papers of one shard of a corpus, with a digest of the whole corpus in order. */
export function shardPapers(
  papers: readonly Paper[],
  shard: Shard,
): { corpus: string; papers: Omit<ShardAnalysis, "analysis">[] } {
  const digest = createHash("sha1");
  const mine: Omit<ShardAnalysis, "analysis">[] = [];
  papers.forEach((paper, position) => {
    const key = analysisKey(paper);
    digest.update(key);
    if (shardOf(paper, shard.count) === shard.index) mine.push({ position, key, paper });
  });
  return { corpus: digest.digest("hex"), papers: mine };
}

/**
 * A shard's papers analysed a slice at a time, in order: the caller writes each slice before the
 * next is made, so a shard of half a million papers never holds all their analyses.
 */
export async function* analyzeShard(
  papers: readonly Omit<ShardAnalysis, "analysis">[],
  options: ParallelExtractOptions = {},
  sliceSize = SHARD_SLICE,
): AsyncGenerator<ShardAnalysis[]> {
  for (let from = 0; from < papers.length; from += sliceSize) {
    const slice = papers.slice(from, from + sliceSize);
    const analyses = await analyzePapers(
      slice.map(({ paper }) => paper),
      {
        ...options,
        onProgress: (done) => options.onProgress?.(from + done, papers.length),
      },
    );
    yield slice.map((item, i) => ({ ...item, analysis: toCached(analyses[i] as AnalyzedPaper) }));
  }
}

/**
 * Per-paper analysis, on worker threads when there are enough papers to pay for them. Each batch's
 * analyses go to `onAnalyses` as they are made.
 */
async function analyzePapers(
  papers: readonly Paper[],
  options: ParallelExtractOptions & { onAnalyses?: AnalysesSink },
): Promise<AnalyzedPaper[]> {
  const { onProgress, onAnalyses } = options;
  const workers = options.workers ?? defaultWorkers();
  if (workers <= 1 || papers.length < PARALLEL_FROM)
    return analyzeHere(papers, onProgress, onAnalyses);
  return analyzeInWorkers(papers, workers, { onProgress, onAnalyses });
}

/**
 * The same extraction as `extractPapers`, with per-paper analysis spread over worker threads;
 * results are identical, in the same order.
 */
export async function extractPapersParallel(
  papers: readonly Paper[],
  options: ParallelExtractOptions = {},
): Promise<Extraction> {
  return canonicalize(await analyzePapers(papers, options));
}

/** Extracts every paper, then canonicalizes over the whole corpus (acronyms, spellings, support). */
export function extractPapers(papers: readonly Paper[], options: ExtractOptions = {}): Extraction {
  return canonicalize(analyzeHere(papers, options.onProgress));
}

/** Papers analysed on the calling thread before their analyses are handed on (analyzeHere). */
const HERE_BATCH = 500;

/** Per-paper analysis on the calling thread, handed on HERE_BATCH papers at a time. */
function analyzeHere(
  papers: readonly Paper[],
  onProgress?: ExtractOptions["onProgress"],
  onAnalyses?: AnalysesSink,
): AnalyzedPaper[] {
  const results: AnalyzedPaper[] = [];
  let handed = 0;
  papers.forEach((paper, index) => {
    results.push(analyzePaper(paper));
    onProgress?.(index + 1, papers.length);
    if (onAnalyses && (index + 1 - handed === HERE_BATCH || index + 1 === papers.length)) {
      onAnalyses(handed, results.slice(handed).map(toCached));
      handed = index + 1;
    }
  });
  return results;
}
