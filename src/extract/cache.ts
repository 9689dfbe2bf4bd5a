import { createHash } from "node:crypto";
import type { Paper } from "../types.js";
import datasets from "./lexicons/datasets.json" with { type: "json" };
import heads from "./lexicons/heads.json" with { type: "json" };
import invariances from "./lexicons/invariances.json" with { type: "json" };
import methods from "./lexicons/methods.json" with { type: "json" };
import modifiers from "./lexicons/modifiers.json" with { type: "json" };
import stopPhrases from "./lexicons/stop-phrases.json" with { type: "json" };
import tasks from "./lexicons/tasks.json" with { type: "json" };
import type { AnalyzedPaper } from "./paper.js";

/** Bump whenever a rule changes what is extracted: cached analyses of older rules are then ignored. */
export const EXTRACTOR_VERSION = "3";

/**
 * Identifies the extractor that produced an analysis: its version and its vocabularies, so an
 * edited lexicon invalidates the cache as surely as a changed rule.
 */
export const EXTRACTOR_FINGERPRINT = createHash("sha1")
  .update(EXTRACTOR_VERSION)
  .update(JSON.stringify([datasets, heads, invariances, methods, modifiers, stopPhrases, tasks]))
  .digest("hex")
  .slice(0, 12);

/** What the cache keeps of a paper's analysis: everything but the paper record itself. */
export type CachedAnalysis = Omit<AnalyzedPaper, "paper">;

/** Where analyses are kept between builds (an embedded database at the edge of the program). */
export interface AnalysisCache {
  get(keys: readonly string[]): Map<string, CachedAnalysis>;
  put(entries: readonly (readonly [string, CachedAnalysis])[]): void;
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
