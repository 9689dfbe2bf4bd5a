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
import {
  type AnalysesSink,
  analyzeInWorkers,
  defaultWorkers,
  type WorkerOptions,
} from "./parallel.js";
import { type Shard, shardOf } from "./shard.js";
import { type AnalysesSource, inMemory } from "./source.js";

export {
  type AnalysisCache,
  analysisKey,
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
  const cached = cache.held(keys);
  const missing = missingPapers(papers, keys, (i) => cached.has(keys[i] as string));
  if (workers <= 1 || missing.length === 0) return undefined;
  // A few papers go to one thread, this one being busy meanwhile; many to every core.
  const threads = missing.length < PARALLEL_FROM ? 1 : workers;
  // This thread goes on with long synchronous work: the workers are given every batch at once
  // rather than waiting on this thread for the next.
  const ahead = analyzeInWorkers(
    missing.map(({ paper }) => paper),
    threads,
    { inFlight: Number.POSITIVE_INFINITY, onAnalyses: storeIn(cache, missing) },
  ).then((analyzed) => new Map(analyzed.map((a, i) => [missing[i]?.key as string, a])));
  // Its failure is the awaiting extraction's to report, not an unhandled rejection before then.
  ahead.catch(() => undefined);
  return ahead;
}

export interface CachedExtractOptions extends ParallelExtractOptions {
  /** Analyses already under way (analyzeAhead). */
  ahead?: AnalysesAhead;
  /** Refuse (MissingAnalysesError) rather than analyse a paper the cache does not hold. */
  onlyCached?: boolean;
  /** From this many papers the cached analyses are read a slice at a time (SLICES_FROM). */
  slicesFrom?: number;
}

/**
 * From this many papers the corpus pass reads the cached analyses from the store a slice at a
 * time, once for each of its passes (acronyms, groups, mentions), rather than holding them all:
 * at 149,449 papers the pass then runs in a 1,350 MB heap, where holding them it needed more than
 * 1,475 MB. Below it they are read once and held, which is faster.
 */
export const SLICES_FROM = 100_000;

/** Papers whose cached analyses are read at a time, past SLICES_FROM. */
const SLICE = 5_000;

/**
 * The analyses of the papers whose keys are `held`, read from the cache a slice at a time on each
 * pass.
 */
function inSlices(
  papers: readonly Paper[],
  keys: readonly string[],
  cache: AnalysisCache,
  held: ReadonlySet<string>,
): AnalysesSource {
  const has = (paper: number) => held.has(keys[paper] as string);
  return {
    size: papers.length,
    holds: false,
    has,
    forEach(visit) {
      for (let from = 0; from < papers.length; from += SLICE) {
        const slice = keys.slice(from, from + SLICE);
        const cached = cache.get(slice.filter((key) => held.has(key)));
        slice.forEach((key, i) => {
          const analysis = cached.get(key);
          if (analysis) visit(fromCached(papers[from + i] as Paper, analysis), from + i);
        });
      }
    },
    at(paper) {
      const key = keys[paper] as string;
      const analysis = held.has(key) ? cache.get([key]).get(key) : undefined;
      return analysis && fromCached(papers[paper] as Paper, analysis);
    },
  };
}

/** The cached analyses of these papers, read once and held. */
function heldInMemory(
  papers: readonly Paper[],
  keys: readonly string[],
  cache: AnalysisCache,
): AnalysesSource {
  const cached = cache.get(keys);
  return inMemory(
    papers.map((paper, i) => {
      const analysis = cached.get(keys[i] as string);
      return analysis && fromCached(paper, analysis);
    }),
  );
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
  if (papers.length >= (options.slicesFrom ?? SLICES_FROM))
    return extractInSlices(papers, keys, cache, options);
  const known = heldInMemory(papers, keys, cache);
  // The corpus pass begins on the cached papers while the others are analysed (analyzeAhead).
  const finish = canonicalizeLater(known);
  const early = (await options.ahead) ?? new Map<string, AnalyzedPaper>();
  const missing = missingPapers(papers, keys, (i) => known.has(i) || early.has(keys[i] as string));
  if (options.onlyCached && missing.length > 0)
    throw new MissingAnalysesError(missing.map(({ paper }) => paper));
  const fresh = new Map(early);
  const analyses = await analyzePapers(
    missing.map(({ paper }) => paper),
    { ...options, onAnalyses: storeIn(cache, missing) },
  );
  missing.forEach(({ key }, i) => {
    fresh.set(key, analyses[i] as AnalyzedPaper);
  });
  // By key, with each paper's own record: two records of one text share an analysis.
  const rest = new Map<number, AnalyzedPaper>();
  papers.forEach((paper, i) => {
    const analysis = known.has(i) ? undefined : fresh.get(keys[i] as string);
    if (analysis) rest.set(i, { ...analysis, paper });
  });
  return { extraction: finish(rest), analyzed: rest.size, reused: papers.length - rest.size };
}

/**
 * extractPapersCached past SLICES_FROM papers: those the cache lacks are analysed and stored
 * first, none of their analyses held, then the corpus pass reads every paper's from the store a
 * slice at a time.
 */
async function extractInSlices(
  papers: readonly Paper[],
  keys: readonly string[],
  cache: AnalysisCache,
  options: CachedExtractOptions,
): Promise<CachedExtraction> {
  // Analyses made ahead are in the store by now; they count as made by this extraction.
  const early = (await options.ahead) ?? new Map<string, AnalyzedPaper>();
  const before = cache.held(keys);
  const missing = missingPapers(papers, keys, (i) => before.has(keys[i] as string));
  if (options.onlyCached && missing.length > 0)
    throw new MissingAnalysesError(missing.map(({ paper }) => paper));
  await analyzePapers(
    missing.map(({ paper }) => paper),
    { ...options, onAnalyses: storeIn(cache, missing), keep: false },
  );
  const made = new Set([...early.keys(), ...missing.map(({ key }) => key)]);
  const analyzed = keys.filter((key) => made.has(key)).length;
  // Every paper's analysis is stored now: those held before (the early ones among them) and those
  // just made.
  const all = inSlices(papers, keys, cache, new Set([...before, ...made]));
  return {
    extraction: canonicalizeLater(all)(new Map()),
    analyzed,
    reused: papers.length - analyzed,
  };
}

/** The papers (with their keys) that `known` says have no analysis yet. */
function missingPapers(
  papers: readonly Paper[],
  keys: readonly string[],
  known: (paper: number) => boolean,
): { paper: Paper; key: string }[] {
  return papers.flatMap((paper, i) => (known(i) ? [] : [{ paper, key: keys[i] as string }]));
}

/**
 * Analyses go into the cache as they come, a batch at a time: a build stopped part-way (killed,
 * out of memory, interrupted) analyses only the rest when run again, where an hour's extraction
 * of a million papers was stored at its end or not at all.
 */
function storeIn(cache: AnalysisCache, papers: readonly { key: string }[]): AnalysesSink {
  return (from, analyses) =>
    cache.put(analyses.map((analysis, i) => [papers[from + i]?.key as string, analysis]));
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
  options: ParallelExtractOptions & AnalyzeOptions,
): Promise<AnalyzedPaper[]> {
  const { onProgress, onAnalyses, keep } = options;
  const workers = options.workers ?? defaultWorkers();
  if (workers <= 1 || papers.length < PARALLEL_FROM)
    return analyzeHere(papers, { onProgress, onAnalyses, keep });
  return analyzeInWorkers(papers, workers, { onProgress, onAnalyses, keep });
}

/** Where analyses go as they are made, and whether they are also returned (WorkerOptions). */
type AnalyzeOptions = Pick<WorkerOptions, "onProgress" | "onAnalyses" | "keep">;

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
  return canonicalize(analyzeHere(papers, options));
}

/** Papers analysed on the calling thread before their analyses are handed on (analyzeHere). */
const HERE_BATCH = 500;

/** Per-paper analysis on the calling thread, handed on HERE_BATCH papers at a time. */
function analyzeHere(papers: readonly Paper[], options: AnalyzeOptions = {}): AnalyzedPaper[] {
  const { onProgress, onAnalyses, keep = true } = options;
  const results: AnalyzedPaper[] = [];
  let pending: AnalyzedPaper[] = [];
  papers.forEach((paper, index) => {
    const analyzed = analyzePaper(paper);
    if (keep) results.push(analyzed);
    onProgress?.(index + 1, papers.length);
    if (!onAnalyses) return;
    pending.push(analyzed);
    if (pending.length === HERE_BATCH || index + 1 === papers.length) {
      onAnalyses(index + 1 - pending.length, pending.map(toCached));
      pending = [];
    }
  });
  return results;
}
