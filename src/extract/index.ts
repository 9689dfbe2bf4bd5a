/**
 * Extract: papers → mentions of methods, datasets, tasks and invariances, merged over the corpus
 * into canonical entities. Pure: no I/O.
 */
import type { Extraction, Paper } from "../types.js";
import { canonicalize } from "./canonical.js";
import { analyzePaper } from "./paper.js";

export { entityKey, singular, slug } from "./keys.js";

/** Bumped whenever rules or lexicons change what is extracted, so cached results are invalidated. */
export const EXTRACTOR_VERSION = "1";

export interface ExtractOptions {
  /** Called after each paper is analysed, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
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
