/**
 * The analyses the corpus pass reads, by paper: it reads them over several times (acronym votes,
 * groups, mentions) rather than holding them, so a large corpus's come from the store a slice at a
 * time while a small one's stay in memory.
 */
import type { AnalyzedPaper } from "./paper.js";

export interface AnalysesSource {
  /** Papers of the corpus, those without an analysis here included. */
  readonly size: number;
  /** Whether its analyses are held in memory (else read over, and the pass keeps less of them). */
  readonly holds: boolean;
  /** Whether a paper's analysis is here (not one the pass is given later). */
  has(paper: number): boolean;
  /** Each analysis here with its paper's index, in the corpus's order. */
  forEach(visit: (analyzed: AnalyzedPaper, paper: number) => void): void;
  /** One paper's analysis, if it is here. */
  at(paper: number): AnalyzedPaper | undefined;
}

/** Analyses held in memory, by paper; a hole is a paper whose analysis comes later. */
export function inMemory(analyses: readonly (AnalyzedPaper | undefined)[]): AnalysesSource {
  return {
    size: analyses.length,
    holds: true,
    has: (paper) => analyses[paper] !== undefined,
    forEach(visit) {
      analyses.forEach((analyzed, paper) => {
        if (analyzed) visit(analyzed, paper);
      });
    },
    at: (paper) => analyses[paper],
  };
}
