/**
 * Extract: papers → mentions of methods, datasets, tasks and invariances, merged over the corpus
 * into canonical entities. Pure: no I/O.
 */
import type { Extraction, Paper } from "../types.js";
import {
  type AnalysisCache,
  analysisKey,
  type CachedAnalysis,
  fromCached,
  toCached,
} from "./cache.js";
import { canonicalize } from "./canonical.js";
import { type AnalyzedPaper, analyzePaper } from "./paper.js";
import { analyzeInWorkers, defaultWorkers } from "./parallel.js";

export {
  type AnalysisCache,
  type CachedAnalysis,
  EXTRACTOR_FINGERPRINT,
  EXTRACTOR_VERSION,
} from "./cache.js";
export { entityKey, singular, slug } from "./keys.js";

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

/**
 * The same extraction as `extractPapers`, with per-paper analysis spread over worker threads;
 * results are identical, in the same order.
 */
export interface CachedExtraction {
  extraction: Extraction;
  /** Papers analysed now, and papers whose analysis came from the cache. */
  analyzed: number;
  reused: number;
}

/**
 * Extraction that analyses only the papers the cache does not hold (under this extractor's
 * fingerprint), stores their analyses, then runs the corpus pass over all. Adding 100 papers to
 * 10,000 analyses 100.
 */
export async function extractPapersCached(
  papers: readonly Paper[],
  cache: AnalysisCache,
  options: ParallelExtractOptions = {},
): Promise<CachedExtraction> {
  const keys = papers.map(analysisKey);
  const cached = cache.get(keys);
  const missingKeys = keys.filter((key) => !cached.has(key));
  const missing = papers.filter((_, i) => !cached.has(keys[i] as string));
  const fresh = new Map(
    (await analyzePapers(missing, options)).map((a, i) => [missingKeys[i] as string, a] as const),
  );
  cache.put([...fresh].map(([key, analysis]) => [key, toCached(analysis)] as const));
  // By key, with each paper's own record: two records of one text share an analysis.
  const analyzed = papers.map((paper, i) => {
    const analysis = fresh.get(keys[i] as string);
    return analysis
      ? { ...analysis, paper }
      : fromCached(paper, cached.get(keys[i] as string) as CachedAnalysis);
  });
  return {
    extraction: canonicalize(analyzed),
    analyzed: missing.length,
    reused: papers.length - missing.length,
  };
}

/** Per-paper analysis, on worker threads when there are enough papers to pay for them. */
async function analyzePapers(
  papers: readonly Paper[],
  options: ParallelExtractOptions,
): Promise<AnalyzedPaper[]> {
  const workers = options.workers ?? defaultWorkers();
  if (workers <= 1 || papers.length < PARALLEL_FROM) return analyzeHere(papers, options.onProgress);
  return analyzeInWorkers(papers, workers, options.onProgress);
}

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

/** Per-paper analysis on the calling thread. */
function analyzeHere(
  papers: readonly Paper[],
  onProgress?: ExtractOptions["onProgress"],
): AnalyzedPaper[] {
  return papers.map((paper, index) => {
    const result = analyzePaper(paper);
    onProgress?.(index + 1, papers.length);
    return result;
  });
}
