/**
 * Extract: papers → mentions of methods, datasets, tasks and invariances, merged over the corpus
 * into canonical entities. Pure: no I/O.
 */
import type { Extraction, Paper } from "../types.js";
import { canonicalize } from "./canonical.js";
import { analyzePaper } from "./paper.js";
import { analyzeInWorkers, defaultWorkers } from "./parallel.js";

export { entityKey, singular, slug } from "./keys.js";

/** Bumped whenever rules or lexicons change what is extracted, so cached results are invalidated. */
export const EXTRACTOR_VERSION = "1";

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
export async function extractPapersParallel(
  papers: readonly Paper[],
  options: ParallelExtractOptions = {},
): Promise<Extraction> {
  const workers = options.workers ?? defaultWorkers();
  if (workers <= 1 || papers.length < PARALLEL_FROM) return extractPapers(papers, options);
  return canonicalize(await analyzeInWorkers(papers, workers, options.onProgress));
}

/** Extracts every paper, then canonicalizes over the whole corpus (acronyms, spellings, support). */
export function extractPapers(papers: readonly Paper[], options: ExtractOptions = {}): Extraction {
  const analyzed = papers.map((paper, index) => {
    const result = analyzePaper(paper);
    options.onProgress?.(index + 1, papers.length);
    return result;
  });
  return canonicalize(analyzed);
}
